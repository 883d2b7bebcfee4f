// The services of the platform and their default ports (DESIGN.md "Ports"); overridable by PORT and
// GRPC_PORT at run time, and extended by the service generator.
export interface ServiceEndpoint {
  readonly name: string;
  readonly httpPort: number;
  readonly grpcPort?: number;
}

export const SERVICES = {
  orders: { name: 'orders', httpPort: 8081, grpcPort: 9081 },
  payments: { name: 'payments', httpPort: 8082, grpcPort: 9082 },
  users: { name: 'users', httpPort: 8083, grpcPort: 9083 },
  loadgen: { name: 'loadgen', httpPort: 8090 },
} as const satisfies Record<string, ServiceEndpoint>;

export type ServiceName = keyof typeof SERVICES;
