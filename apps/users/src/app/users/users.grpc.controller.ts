// The internal gRPC API (libs/contracts/proto/users.proto), called by orders.
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { USERS_GRPC_SERVICE } from '../transport';
import { UsersService } from './users.service';

interface UserIdRequest {
  userId?: string;
}

@Controller()
export class UsersGrpcController {
  constructor(private readonly users: UsersService) {}

  @GrpcMethod(USERS_GRPC_SERVICE, 'ValidateUser')
  validateUser(request: UserIdRequest) {
    return this.users.validate(request.userId ?? '');
  }

  @GrpcMethod(USERS_GRPC_SERVICE, 'GetUser')
  getUser(request: UserIdRequest) {
    return this.users.get(request.userId ?? '');
  }
}
