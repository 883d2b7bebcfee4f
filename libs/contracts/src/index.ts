export * from './lib/metric-catalog';
export * from './lib/services';
