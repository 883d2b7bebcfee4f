// The grpc-js call object Nest passes as a gRPC handler's third argument, and the fully qualified
// service and method names it carries (the rpc_service / rpc_method label values).
export interface ServerCallLike {
  getPath(): string;
}

export function isServerCall(value: unknown): value is ServerCallLike {
  return (
    typeof value === 'object' && value !== null && typeof (value as ServerCallLike).getPath === 'function'
  );
}

/** '/obs.users.v1.UsersService/ValidateUser' → { service: 'obs.users.v1.UsersService', method: 'ValidateUser' } */
export function splitGrpcPath(path: string): { service: string; method: string } {
  const [, service = 'unknown', method = 'unknown'] = path.split('/');
  return { service, method };
}
