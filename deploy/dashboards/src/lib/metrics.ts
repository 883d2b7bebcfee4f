// Metric names for queries, always taken from the catalog in @obs/contracts (or from the exporters
// named here), so a renamed metric fails type checking instead of emptying a panel.
import { METRICS, MetricKey } from '@obs/contracts';

export function metric(key: MetricKey): string {
  return METRICS[key].name;
}

/** The series a histogram exposes next to its family name. */
export function bucket(key: MetricKey): string {
  return `${METRICS[key].name}_bucket`;
}
export function count(key: MetricKey): string {
  return `${METRICS[key].name}_count`;
}

/** Tempo metrics-generator output (span metrics and service graphs), written to Prometheus. */
export const SPANMETRICS = {
  calls: 'traces_spanmetrics_calls_total',
  latencyBucket: 'traces_spanmetrics_latency_bucket',
  graphRequests: 'traces_service_graph_request_total',
  graphFailed: 'traces_service_graph_request_failed_total',
  graphServerBucket: 'traces_service_graph_request_server_seconds_bucket',
} as const;

/** Sloth-compatible recording rules produced by the SLO generator (deploy/local/rules/). */
export const SLO_RULES = {
  sliErrorRatio: (window: '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d' | '30d') => `slo:sli_error:ratio_rate${window}`,
  objective: 'slo:objective:ratio',
  errorBudget: 'slo:error_budget:ratio',
  currentBurnRate: 'slo:current_burn_rate:ratio',
  budgetRemaining: 'slo:period_error_budget_remaining:ratio',
} as const;
