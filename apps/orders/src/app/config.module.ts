// Makes the validated orders configuration injectable everywhere (ORDERS_CONFIG).
import { Global, Module } from '@nestjs/common';
import { loadOrdersConfig, ORDERS_CONFIG } from './config';

@Global()
@Module({
  providers: [{ provide: ORDERS_CONFIG, useFactory: () => loadOrdersConfig() }],
  exports: [ORDERS_CONFIG],
})
export class OrdersConfigModule {}
