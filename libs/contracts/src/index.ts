export * from './lib/metric-catalog';
export * from './lib/services';
export * from './lib/proto-paths';
