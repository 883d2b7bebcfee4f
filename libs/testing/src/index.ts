export * from './lib/processes';
export * from './lib/system-binaries';
export * from './lib/orphan-guard';
export * from './lib/otlp/otlp-receiver';
