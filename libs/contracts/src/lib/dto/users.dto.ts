// REST DTOs of the users API (DESIGN.md "REST API"), shared by the users service (validation,
// OpenAPI) and its callers (load generator, tests), plus the seed users traffic relies on.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from './page-query.dto';

/** Seeded users usr-100 … usr-149 exist from the first start so traffic works from the first second. */
export const SEED_USERS = {
  first: 100,
  last: 149,
  /** Every seeded user logs in with this password (a demo platform, not a secret). */
  password: 'demo-password',
  idFor: (n: number) => `usr-${n}`,
  emailFor: (n: number) => `user${n}@example.com`,
  nameFor: (n: number) => `User ${n}`,
} as const;

export const USER_ID_PATTERN = /^usr-[0-9]{1,12}$/;
export const USER_ID_MESSAGE = 'userId must look like usr-<digits> (e.g. usr-100)';

export const AUTH_RESULTS = ['success', 'invalid_credentials', 'locked', 'rate_limited'] as const;
export type AuthResult = (typeof AUTH_RESULTS)[number];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace', minLength: 1, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    minLength: 8,
    maxLength: 128,
    description: 'Without one the user exists but cannot log in.',
  })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password?: string;
}

export class UserDto {
  @ApiProperty({ example: 'usr-100' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ListUsersQueryDto extends PageQueryDto {}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class UserIdParamDto {
  @ApiProperty({ example: 'usr-100' })
  @IsString()
  @Matches(USER_ID_PATTERN, { message: 'id must look like usr-<digits> (e.g. usr-100)' })
  id!: string;
}

export class ValidateUserQueryDto {
  @ApiProperty({ example: 'usr-100' })
  @IsString()
  @MaxLength(128)
  userId!: string;
}

export class ValidateUserResultDto {
  @ApiProperty() userId!: string;
  @ApiProperty() valid!: boolean;
  @ApiProperty({
    enum: ['', 'not_found', 'locked'],
    description: 'Why the user is not valid; empty when valid.',
  })
  reason!: '' | 'not_found' | 'locked';
}

export class AuthRequestDto {
  @ApiProperty({ example: 'user100@example.com', maxLength: 254 })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @ApiProperty({ example: SEED_USERS.password, maxLength: 128 })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}

export class AuthSessionDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ description: 'Opaque session token.' }) sessionToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
