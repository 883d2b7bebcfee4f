// prom-client's default Node.js and process metrics (collectDefaultMetrics), which every service
// exposes next to the catalog's. Names as prom-client 15 registers them.
export const RUNTIME = {
  eventLoopLagP99: 'nodejs_eventloop_lag_p99_seconds',
  eventLoopLagMean: 'nodejs_eventloop_lag_mean_seconds',
  heapUsed: 'nodejs_heap_size_used_bytes',
  heapTotal: 'nodejs_heap_size_total_bytes',
  heapSpaceUsed: 'nodejs_heap_space_size_used_bytes',
  external: 'nodejs_external_memory_bytes',
  gcDurationSum: 'nodejs_gc_duration_seconds_sum',
  gcDurationCount: 'nodejs_gc_duration_seconds_count',
  activeHandles: 'nodejs_active_handles_total',
  cpu: 'process_cpu_seconds_total',
  rss: 'process_resident_memory_bytes',
  openFds: 'process_open_fds',
} as const;
