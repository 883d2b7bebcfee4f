// The ids of the active span, for log lines, exemplars and error bodies. Reads @opentelemetry/api
// only, so it works with or without the preload (without it there is simply no span).
import { INVALID_SPANID, INVALID_TRACEID, trace, TraceFlags } from '@opentelemetry/api';

export interface ActiveSpanIds {
  readonly traceId: string;
  readonly spanId: string;
  readonly sampled: boolean;
}

export function activeSpanIds(): ActiveSpanIds | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext) return undefined;
  const { traceId, spanId, traceFlags } = spanContext;
  // A request asks for these several times (exemplar, every log line, error bodies), so this skips
  // isSpanContextValid's two regular expressions: the SDK generates hex ids of these lengths, and the
  // W3C propagator validates incoming ones before they become a parent. What is left to refuse is a
  // missing or all-zero id (no span).
  if (traceId?.length !== 32 || spanId?.length !== 16 || traceId === INVALID_TRACEID || spanId === INVALID_SPANID) {
    return undefined;
  }
  return { traceId, spanId, sampled: (traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED };
}
