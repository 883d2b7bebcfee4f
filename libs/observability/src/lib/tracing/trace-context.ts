// The ids of the active span, for log lines, exemplars and error bodies. Reads @opentelemetry/api
// only, so it works with or without the preload (without it there is simply no span).
import { isSpanContextValid, trace, TraceFlags } from '@opentelemetry/api';

export interface ActiveSpanIds {
  readonly traceId: string;
  readonly spanId: string;
  readonly sampled: boolean;
}

export function activeSpanIds(): ActiveSpanIds | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return {
    traceId: spanContext.traceId,
    spanId: spanContext.spanId,
    sampled: (spanContext.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED,
  };
}
