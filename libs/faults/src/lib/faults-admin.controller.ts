import { Body, Controller, Get, HttpCode, Put, UseGuards, ValidationPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AdminTokenGuard } from './admin-token.guard';
import type { EffectiveFaults } from './fault-profiles';
import { FaultInjector } from './fault-injector';
import { UpdateFaultsDto } from './update-faults.dto';

// The lib validates its own body instead of trusting that the app installed a global pipe.
const strictBody = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'ADMIN_TOKEN is set and the bearer token is missing or wrong.' })
@UseGuards(AdminTokenGuard)
@Controller('admin/faults')
export class FaultsAdminController {
  constructor(private readonly faults: FaultInjector) {}

  @Get()
  @ApiOkResponse({ description: 'The effective fault settings.' })
  get(): EffectiveFaults {
    return this.faults.current();
  }

  @Put()
  @HttpCode(200)
  @ApiOkResponse({ description: 'The effective fault settings after the change.' })
  put(@Body(strictBody) body: UpdateFaultsDto): EffectiveFaults {
    const { profile, ...overrides } = body;
    return this.faults.configure(profile, overrides);
  }
}
