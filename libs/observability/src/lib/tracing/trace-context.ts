// The ids of the active span, for log lines, exemplars and error bodies. Reads @opentelemetry/api
// only, so it works with or without the preload (without it there is simply no span).
import { isSpanContextValid, SpanContext, trace, TraceFlags } from '@opentelemetry/api';

export interface ActiveSpanIds {
  readonly traceId: string;
  readonly spanId: string;
  readonly sampled: boolean;
}

// A request asks for its span's ids several times (exemplar, every log line, error bodies), and
// validating them runs two regular expressions; a span's context object never changes, so the
// answer is kept per context for as long as the span is referenced.
const idsByContext = new WeakMap<SpanContext, ActiveSpanIds | null>();

export function activeSpanIds(): ActiveSpanIds | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext) return undefined;
  let ids = idsByContext.get(spanContext);
  if (ids === undefined) {
    ids = isSpanContextValid(spanContext)
      ? {
          traceId: spanContext.traceId,
          spanId: spanContext.spanId,
          sampled: (spanContext.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED,
        }
      : null;
    idsByContext.set(spanContext, ids);
  }
  return ids ?? undefined;
}
