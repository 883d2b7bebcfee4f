// The metric names a query may use: the platform's catalog (@obs/contracts), prom-client's default
// runtime metrics (read from prom-client itself), Tempo's metrics-generator output, and the series
// Prometheus makes up itself. Recording rules add theirs (see queries.ts).
import { METRICS } from '@obs/contracts';
import { collectDefaultMetrics, Registry } from 'prom-client';

const HISTOGRAM_SERIES = ['_bucket', '_sum', '_count'];

function withSeries(name: string, type: string): string[] {
  return type === 'histogram' ? [name, ...HISTOGRAM_SERIES.map((s) => name + s)] : [name];
}

export function catalogMetrics(): Set<string> {
  return new Set(Object.values(METRICS).flatMap((m) => withSeries(m.name, m.type)));
}

export async function promClientDefaultMetrics(): Promise<Set<string>> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = await registry.getMetricsAsJSON();
  return new Set(metrics.flatMap((m) => withSeries(m.name, String(m.type))));
}

/** Tempo metrics-generator: span metrics and service graphs (classic histograms). */
export const TEMPO_GENERATED = new Set([
  'traces_spanmetrics_calls_total',
  'traces_spanmetrics_size_total',
  ...withSeries('traces_spanmetrics_latency', 'histogram'),
  'traces_service_graph_request_total',
  'traces_service_graph_request_failed_total',
  'traces_service_graph_unpaired_spans_total',
  'traces_service_graph_dropped_spans_total',
  ...withSeries('traces_service_graph_request_server_seconds', 'histogram'),
  ...withSeries('traces_service_graph_request_client_seconds', 'histogram'),
]);

/** Series Prometheus itself writes for every target and alert. */
export const PROMETHEUS_SYNTHETIC = new Set(['up', 'ALERTS', 'ALERTS_FOR_STATE', 'scrape_duration_seconds', 'scrape_samples_scraped']);

/** Labels every scraped series has: the target's (`service` from the scrape config or ServiceMonitor). */
export const TARGET_LABELS = ['service', 'instance', 'job', 'namespace', 'pod', 'container', 'endpoint'];

/** Catalog series name → the label names it carries (histogram buckets add `le`). */
export function catalogLabels(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const m of Object.values(METRICS)) {
    for (const series of withSeries(m.name, m.type)) {
      map.set(series, new Set([...m.labels, ...TARGET_LABELS, ...(series.endsWith('_bucket') ? ['le'] : [])]));
    }
  }
  return map;
}
