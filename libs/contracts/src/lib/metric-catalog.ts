// The one catalog of metric names and labels (DESIGN.md "Metrics"). Services register metrics from
// it, and dashboards, SLO specs and tests check their queries against it, so a renamed metric breaks
// the build instead of silently emptying a panel.
export interface MetricDefinition {
  readonly name: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  readonly help: string;
  readonly labels: readonly string[];
}

/** Seconds; DESIGN.md: 0.005 … 10 s. 0.5 is a bucket boundary because the latency SLO counts requests ≤ 500 ms. */
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** The value of http_route for requests that matched no route, so raw URLs never become label values. */
export const UNMATCHED_ROUTE = 'unmatched';

const rpcLabels = ['rpc_system', 'rpc_service', 'rpc_method', 'rpc_grpc_status_code'] as const;

export const METRICS = {
  httpServerDuration: {
    name: 'http_server_request_duration_seconds',
    type: 'histogram',
    help: 'Duration of inbound HTTP requests.',
    labels: ['http_request_method', 'http_route', 'http_response_status_code'],
  },
  httpClientDuration: {
    name: 'http_client_request_duration_seconds',
    type: 'histogram',
    help: 'Duration of outbound HTTP requests.',
    labels: ['http_request_method', 'server_address', 'http_response_status_code'],
  },
  rpcServerDuration: {
    name: 'rpc_server_call_duration_seconds',
    type: 'histogram',
    help: 'Duration of inbound gRPC calls.',
    labels: rpcLabels,
  },
  rpcClientDuration: {
    name: 'rpc_client_call_duration_seconds',
    type: 'histogram',
    help: 'Duration of outbound gRPC calls.',
    labels: rpcLabels,
  },
  circuitBreakerState: {
    name: 'circuit_breaker_state',
    type: 'gauge',
    help: 'Circuit breaker state per dependency: 0 closed, 1 half-open, 2 open.',
    labels: ['target'],
  },
  circuitBreakerTransitions: {
    name: 'circuit_breaker_transitions_total',
    type: 'counter',
    help: 'Circuit breaker state transitions per dependency.',
    labels: ['target', 'to'],
  },
  resilienceRetries: {
    name: 'resilience_retries_total',
    type: 'counter',
    help: 'Retries made per dependency.',
    labels: ['target'],
  },
  resilienceTimeouts: {
    name: 'resilience_timeouts_total',
    type: 'counter',
    help: 'Calls aborted by their timeout per dependency.',
    labels: ['target'],
  },
  bulkheadRejections: {
    name: 'bulkhead_rejections_total',
    type: 'counter',
    help: 'Calls rejected because the bulkhead was full, per dependency.',
    labels: ['target'],
  },
  ordersCreated: {
    name: 'orders_created_total',
    type: 'counter',
    help: 'Orders stored, by final status.',
    labels: ['status'],
  },
  ordersInProgress: {
    name: 'orders_in_progress',
    type: 'gauge',
    help: 'Orders being created right now.',
    labels: [],
  },
  paymentTransactions: {
    name: 'payment_transactions_total',
    type: 'counter',
    help: 'Payment attempts by method and outcome.',
    labels: ['method', 'status'],
  },
  paymentAmount: {
    name: 'payment_amount_total',
    type: 'counter',
    help: 'Amount charged successfully, by currency.',
    labels: ['currency'],
  },
  userAuthAttempts: {
    name: 'user_auth_attempts_total',
    type: 'counter',
    help: 'Authentication attempts by result.',
    labels: ['result'],
  },
  cacheRequests: {
    name: 'cache_requests_total',
    type: 'counter',
    help: 'Cache look-ups by cache and result (hit or miss).',
    labels: ['cache', 'result'],
  },
  activeSessions: {
    name: 'active_sessions',
    type: 'gauge',
    help: 'Sessions currently active.',
    labels: [],
  },
  loadgenRequests: {
    name: 'loadgen_requests_total',
    type: 'counter',
    help: 'Requests completed by the load generator, by scenario and status (0 for network errors).',
    labels: ['scenario', 'http_response_status_code'],
  },
  loadgenDuration: {
    name: 'loadgen_request_duration_seconds',
    type: 'histogram',
    help: 'Latency measured from the intended send time, by scenario.',
    labels: ['scenario'],
  },
  loadgenOfferedRps: {
    name: 'loadgen_offered_rps',
    type: 'gauge',
    help: 'Target arrival rate in requests per second.',
    labels: [],
  },
  loadgenAchievedRps: {
    name: 'loadgen_achieved_rps',
    type: 'gauge',
    help: 'Requests actually sent per second.',
    labels: [],
  },
  loadgenScheduleLag: {
    name: 'loadgen_schedule_lag_seconds',
    type: 'histogram',
    help: 'Delay between a request\'s intended and actual send time.',
    labels: [],
  },
  loadgenDropped: {
    name: 'loadgen_dropped_total',
    type: 'counter',
    help: 'Requests not sent, by reason.',
    labels: ['reason'],
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricKey = keyof typeof METRICS;

/** Every metric family name the platform's own code emits (histograms expose _bucket/_sum/_count too). */
export const CATALOG_METRIC_NAMES: readonly string[] = Object.values(METRICS).map((m) => m.name);
