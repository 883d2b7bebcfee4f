// Encodes each sampled span into OTLP bytes the moment it ends and hands BatchSpanProcessor a small
// stand-in (EncodedSpan) instead of the span. Batched as it was, a span and what hangs off it (its
// attributes, context, times, events and links, a dozen objects or more) stayed alive until its
// batch of up to 512 was exported, long enough for the collector to copy it from one young
// generation space to the next and then into the old one; ended here, it dies young, which costs
// the collector nothing. The bytes are the same (the serializer copies them into the request), and
// the batching, its limits and timers, flushing and shutdown stay BatchSpanProcessor's own.
import { TraceFlags, type Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { EncodedSpan } from './encoded-span';
import { createEncoderMemory, writeSpan } from './otlp-span-serializer';
import { ProtobufWriter } from './protobuf-writer';

/** Spans are written one after another into a chunk this big; a full one is left to its stand-ins. */
const CHUNK_BYTES = 64 * 1024;

// Read once: the API's exports are getters.
const SAMPLED = TraceFlags.SAMPLED;

export class SpanEncoder {
  private writer: ProtobufWriter;
  private readonly memory = createEncoderMemory();

  constructor(private readonly chunkBytes = CHUNK_BYTES) {
    this.writer = new ProtobufWriter(chunkBytes);
  }

  encode(span: ReadableSpan): EncodedSpan {
    // A new chunk rather than rewinding: stand-ins still queued point into the old one. Started while
    // a sixteenth is left, so that a span seldom outgrows its chunk (which copies the chunk).
    if (this.writer.pos > this.chunkBytes - (this.chunkBytes >>> 4)) this.writer = new ProtobufWriter(this.chunkBytes);
    const writer = this.writer;
    const start = writer.pos;
    writeSpan(writer, span, this.memory);
    // Read after writing: a span that did not fit moved the chunk's bytes to a larger buffer.
    return new EncodedSpan(writer.current, start, writer.pos, span.resource, span.instrumentationScope);
  }
}

/** Wraps a BatchSpanProcessor whose exporter serializes with otlp-span-serializer.ts (the only one that reads stand-ins). */
export class EncodeOnEndProcessor implements SpanProcessor {
  constructor(
    private readonly batch: SpanProcessor,
    private readonly encoder = new SpanEncoder(),
  ) {}

  onStart(span: Span, parentContext: Context): void {
    this.batch.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    // Unsampled spans are never exported: not worth encoding (BatchSpanProcessor drops them too).
    if ((span.spanContext().traceFlags & SAMPLED) === 0) return;
    this.batch.onEnd(this.encodedOrAsIs(span));
  }

  /**
   * A span the encoder cannot write (an attribute value no exporter expects, say) is queued as it
   * is: span.end() runs in the request's own hooks and must not throw there; the serializer meets it
   * again at export, where the exporter reports a failure as for any batch.
   */
  private encodedOrAsIs(span: ReadableSpan): ReadableSpan {
    try {
      return this.encoder.encode(span) as unknown as ReadableSpan;
    } catch {
      return span;
    }
  }

  forceFlush(): Promise<void> {
    return this.batch.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.batch.shutdown();
  }
}
