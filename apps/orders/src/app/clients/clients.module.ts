// The gRPC clients of orders, one channel per dependency, closed on shutdown.
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ClientGrpc } from '@nestjs/microservices';
import { ORDERS_CONFIG, type OrdersConfig } from '../config';
import { createGrpcClient, PAYMENTS_GRPC, USERS_GRPC } from './grpc-clients';
import { PaymentsClient } from './payments.client';
import { UsersClient } from './users.client';

@Module({
  providers: [
    { provide: USERS_GRPC, inject: [ORDERS_CONFIG], useFactory: (c: OrdersConfig) => createGrpcClient('users', c.USERS_GRPC_URL) },
    { provide: PAYMENTS_GRPC, inject: [ORDERS_CONFIG], useFactory: (c: OrdersConfig) => createGrpcClient('payments', c.PAYMENTS_GRPC_URL) },
    UsersClient,
    PaymentsClient,
  ],
  exports: [UsersClient, PaymentsClient],
})
export class ClientsModule implements OnApplicationShutdown {
  constructor(
    @Inject(USERS_GRPC) private readonly users: ClientGrpc,
    @Inject(PAYMENTS_GRPC) private readonly payments: ClientGrpc,
  ) {}

  onApplicationShutdown(): void {
    for (const client of [this.users, this.payments]) (client as unknown as { close(): void }).close();
  }
}
