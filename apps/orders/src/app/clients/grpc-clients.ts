// gRPC client options for users and payments, exported so specs and e2e tests dial exactly what
// production dials. Reconnect backoff is capped low: after a dependency restarts, its breaker's
// probe must find a connected channel within seconds, not grpc-js's default two minutes.
import { PROTO_PACKAGES, protoPath } from '@obs/contracts';
import { ClientProxyFactory, type ClientGrpc, type GrpcOptions, Transport } from '@nestjs/microservices';

export const USERS_GRPC = Symbol('USERS_GRPC');
export const PAYMENTS_GRPC = Symbol('PAYMENTS_GRPC');

export const GRPC_CHANNEL_OPTIONS = {
  'grpc.initial_reconnect_backoff_ms': 200,
  'grpc.max_reconnect_backoff_ms': 2_000,
  'grpc.keepalive_time_ms': 30_000,
} as const;

export function grpcClientOptions(name: keyof typeof PROTO_PACKAGES, url: string): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: { url, package: PROTO_PACKAGES[name], protoPath: protoPath(name), channelOptions: GRPC_CHANNEL_OPTIONS },
  };
}

export function createGrpcClient(name: keyof typeof PROTO_PACKAGES, url: string): ClientGrpc {
  return ClientProxyFactory.create(grpcClientOptions(name, url)) as unknown as ClientGrpc;
}
