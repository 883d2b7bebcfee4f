// The ids of the active span, for log lines, exemplars and error bodies. Reads @opentelemetry/api
// only, so it works with or without the preload (without it there is simply no span).
import { SpanContext, trace, TraceFlags } from '@opentelemetry/api';

export interface ActiveSpanIds {
  readonly traceId: string;
  readonly spanId: string;
  readonly sampled: boolean;
}

// Read once: @opentelemetry/api exports everything through getters, which compiled code would
// call at every use, and this runs several times per request.
const traceApi = trace;
const SAMPLED = TraceFlags.SAMPLED;

export function activeSpanIds(): ActiveSpanIds | undefined {
  const spanContext = traceApi.getActiveSpan()?.spanContext();
  return spanContext && spanIdsOf(spanContext);
}

/** The ids of a span context; undefined for a missing, malformed or all-zero one (no span). */
export function spanIdsOf(spanContext: SpanContext): ActiveSpanIds | undefined {
  const { traceId, spanId, traceFlags } = spanContext;
  // A request asks for these several times (exemplar, every log line, error bodies), so this skips
  // isSpanContextValid's two regular expressions: the SDK generates hex ids of these lengths, and the
  // W3C propagator validates incoming ones before they become a parent. What is left to refuse is a
  // missing or all-zero id (no span).
  if (traceId?.length !== 32 || spanId?.length !== 16 || allZeros(traceId) || allZeros(spanId)) return undefined;
  return { traceId, spanId, sampled: (traceFlags & SAMPLED) === SAMPLED };
}

/**
 * Whether a hex id is all zeros (W3C Trace Context's invalid id). Not `=== INVALID_TRACEID`: ids
 * cut from a larger string are slices, and `===` between two different slices calls into the V8
 * runtime; this stops at the first character of a real id.
 */
function allZeros(id: string): boolean {
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== 48) return false;
  return true;
}
