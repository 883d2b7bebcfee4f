export * from './lib/metric-catalog';
export * from './lib/services';
export * from './lib/proto-paths';
export * from './lib/dto/page-query.dto';
export * from './lib/dto/orders.dto';
export * from './lib/dto/payments.dto';
export * from './lib/dto/users.dto';
