import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateUserDto,
  ListUsersQueryDto,
  UserDto,
  UserIdParamDto,
  UserPageDto,
  ValidateUserQueryDto,
  ValidateUserResultDto,
} from '@obs/contracts';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'The email is already registered.' })
  create(@Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(body);
  }

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.list(query.limit, query.cursor);
  }

  // Declared before :id; Fastify's router also prefers the static segment.
  @Get('validate')
  @ApiOkResponse({ type: ValidateUserResultDto })
  validate(@Query() query: ValidateUserQueryDto): Promise<ValidateUserResultDto> {
    return this.users.validate(query.userId);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'No user with this id.' })
  get(@Param() params: UserIdParamDto): Promise<UserDto> {
    return this.users.get(params.id);
  }
}
