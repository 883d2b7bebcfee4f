// Root module of orders: observability, persistence (its own database) and the fault profile are
// platform modules; configuration, the gRPC clients and the orders capability are its own.
import { Module } from '@nestjs/common';
import { FaultsModule } from '@obs/faults';
import { ObservabilityModule } from '@obs/observability';
import { PersistenceModule } from '@obs/persistence';
import { OrdersConfigModule } from './config.module';
import { ordersMigrations } from './orders/orders.migrations';
import { OrdersModule } from './orders/orders.module';

export const SERVICE_NAME = 'orders';

@Module({
  imports: [
    ObservabilityModule.forRoot({ service: SERVICE_NAME }),
    PersistenceModule.forRoot({ service: SERVICE_NAME, migrations: ordersMigrations }),
    FaultsModule.forRoot({ service: SERVICE_NAME }),
    OrdersConfigModule,
    OrdersModule,
  ],
})
export class AppModule {}
