// Exemplar labels for the active span. Only sampled spans qualify: an exemplar pointing at a trace
// that was never recorded would be a dead link in Grafana.
import { activeSpanIds, ActiveSpanIds } from '../tracing/trace-context';

export type ExemplarLabels = { trace_id: string; span_id: string } | undefined;

export function exemplarFor(ids: ActiveSpanIds | undefined = activeSpanIds()): ExemplarLabels {
  return ids?.sampled ? { trace_id: ids.traceId, span_id: ids.spanId } : undefined;
}
