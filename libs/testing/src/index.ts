export * from './lib/processes';
export * from './lib/system-binaries';
