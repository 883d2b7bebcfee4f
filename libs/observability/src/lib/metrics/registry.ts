// The prom-client registry of one ObservabilityModule. Its content type is OpenMetrics because
// prom-client only accepts exemplar-enabled metrics on such a registry and only prints exemplars in
// that format; the classic text format is rendered from the same metrics by exposition.ts.
import { collectDefaultMetrics, OpenMetricsContentType, Registry } from 'prom-client';

export function createMetricsRegistry(options: { defaultMetrics?: boolean } = {}): Registry {
  // Typed as the default Registry so apps, the resilience facade and tests inject one `Registry`
  // token; the content type is only read by prom-client at render time.
  // (prom-client's typings omit the constructor argument its JavaScript takes, hence setContentType.)
  const registry = new Registry();
  (registry as unknown as Registry<OpenMetricsContentType>).setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  // Process and Node.js runtime metrics: CPU, memory, heap, event-loop lag, GC, handles.
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return registry;
}
