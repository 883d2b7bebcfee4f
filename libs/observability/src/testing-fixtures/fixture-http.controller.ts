// HTTP routes that exercise every path the library must observe: templates, validation, domain
// errors, guards, crashes, dependency outages, slow requests and injected faults.
import {
  Body,
  CanActivate,
  Controller,
  Get,
  Injectable,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { IsInt, IsString, Min, MinLength } from 'class-validator';
import { PinoLogger } from 'nestjs-pino';
import { FaultMarker } from '../lib/faults/fault-marker';
import { NotFoundError } from '../lib/errors/domain-errors';
import { DependencyUnavailableError } from '../lib/resilience';

export class CreateItemDto {
  @IsString()
  @MinLength(1)
  name!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

@Injectable()
class DenyAllGuard implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

@Controller('api')
export class FixtureHttpController {
  constructor(
    private readonly logger: PinoLogger,
    private readonly faults: FaultMarker,
  ) {}

  @Get('items/:id')
  getItem(@Param('id') id: string): { id: string; name: string } {
    if (id === 'missing') throw new NotFoundError(`item ${id} not found`);
    this.logger.info({ item_id: id }, 'item read');
    return { id, name: `item ${id}` };
  }

  @Post('items')
  createItem(@Body() dto: CreateItemDto): CreateItemDto & { id: string } {
    return { id: 'item-1', ...dto };
  }

  @Get('secret')
  @UseGuards(DenyAllGuard)
  secret(): string {
    return 'never';
  }

  @Get('boom')
  boom(): never {
    throw new Error('database password is hunter2');
  }

  @Get('unavailable')
  unavailable(): never {
    throw new DependencyUnavailableError('payments', 'breaker_open');
  }

  @Get('faulty')
  faulty(): { ok: true } {
    this.faults.markInjected('latency');
    return { ok: true };
  }

  @Get('slow')
  async slow(@Query('ms') ms = '1000'): Promise<{ waited: number }> {
    const waited = Math.min(Number(ms) || 0, 30_000);
    this.logger.info({ waited }, 'slow request started');
    await new Promise((resolve) => setTimeout(resolve, waited));
    return { waited };
  }
}
