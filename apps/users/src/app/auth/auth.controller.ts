import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthRequestDto, AuthSessionDto } from '@obs/contracts';
import { AuthService } from './auth.service';

@ApiTags('users')
@Controller('api/users')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthSessionDto })
  @ApiUnauthorizedResponse({ description: 'Unknown email or wrong password.' })
  @ApiForbiddenResponse({ description: 'The account is locked.' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this email in the last minute.' })
  authenticate(@Body() body: AuthRequestDto): Promise<AuthSessionDto> {
    return this.auth.authenticate(body);
  }
}
