// How the users service listens, shared by main.ts and the tests so tests boot what production boots.
import { PROTO_PACKAGES, protoPath, SERVICES } from '@obs/contracts';
import type { BootstrapOptions, GrpcServerOptions } from '@obs/observability';

export const USERS_GRPC: GrpcServerOptions = {
  package: PROTO_PACKAGES.users,
  protoPath: protoPath('users'),
  port: SERVICES.users.grpcPort,
};

export const USERS_BOOTSTRAP: BootstrapOptions = {
  service: 'users',
  httpPort: SERVICES.users.httpPort,
  grpc: USERS_GRPC,
  // Users' largest body is a create or auth request of a few hundred bytes.
  bodyLimitBytes: 16 * 1024,
};

/** The gRPC service name in users.proto, for @GrpcMethod and for clients. */
export const USERS_GRPC_SERVICE = 'UsersService';
