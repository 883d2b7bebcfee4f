import { Module } from '@nestjs/common';
import { usersConfigProvider } from '../config';
import { UserCache } from './user-cache';
import { UsersController } from './users.controller';
import { UsersGrpcController } from './users.grpc.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController, UsersGrpcController],
  providers: [usersConfigProvider, UsersRepository, UserCache, UsersService],
  exports: [UsersRepository, usersConfigProvider],
})
export class UsersModule {}
