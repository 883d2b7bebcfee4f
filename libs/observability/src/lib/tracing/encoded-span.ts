// A finished span already encoded as its OTLP field (ScopeSpans.spans: tag, length and Span message),
// standing in for the span itself in BatchSpanProcessor's queue (encode-on-end-processor.ts). It
// carries only what the processor and the serializer read: the trace flags, the resource and the
// scope, which are encoded with the batch.
import { TraceFlags, type SpanContext } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';

/** Only sampled spans are encoded, so every stand-in reports the sampled flag. */
const SAMPLED: Pick<SpanContext, 'traceFlags'> = { traceFlags: TraceFlags.SAMPLED };

export class EncodedSpan {
  constructor(
    /** Shared with the spans encoded before and after this one; the field is bytes start to end. */
    readonly chunk: Uint8Array,
    readonly start: number,
    readonly end: number,
    readonly resource: Resource,
    readonly instrumentationScope: InstrumentationScope,
  ) {}

  /** BatchSpanProcessor checks the sampled flag of what it is given. */
  spanContext(): Pick<SpanContext, 'traceFlags'> {
    return SAMPLED;
  }
}
