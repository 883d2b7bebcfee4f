// Trace and span ids cut from a pool of cryptographically random bytes. The SDK's RandomIdGenerator
// builds each id from Math.random, four bytes at a time through Buffer#writeUInt32BE (which checks
// its arguments on every call), then encodes it as hex natively. Here one randomFillSync and one
// hex encoding serve ~170 requests, and an id is a slice of that hex text (V8 makes a slice of 13 or
// more characters a view of its parent, not a copy). W3C Trace Context asks for random ids; these
// come from the system's CSPRNG.
//
// The OTLP encoder needs the ids as bytes again. Turning hex back into bytes was the largest part of
// encoding a span (about 1,300 instructions per id in the server, docs/performance.md), while the
// bytes were right here: recordIdBytes marks a span's context with where its ids' bytes are, and the
// encoder copies them (otlp-span-serializer.ts). A pool is never refilled in place, so the bytes
// stay as they were for as long as a span refers to them.
import type { SpanContext } from '@opentelemetry/api';
import type { IdGenerator, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
export const TRACE_ID_BYTES = 16;
export const SPAN_ID_BYTES = 8;

const ID_BYTES = Symbol('obs.id-bytes');

/** Where the bytes of a span's ids are: a pool and an offset each; no trace pool when the trace id came from a parent. */
export interface IdBytes {
  readonly spanPool: Buffer;
  readonly spanOffset: number;
  readonly tracePool: Buffer | undefined;
  readonly traceOffset: number;
}

type MarkedContext = SpanContext & { [ID_BYTES]?: IdBytes };

/** The bytes recordIdBytes noted for this context's ids, if any. */
export function idBytesOf(context: SpanContext): IdBytes | undefined {
  return (context as MarkedContext)[ID_BYTES];
}

/** The id of one kind (trace or span) drawn last, and where its bytes are. */
interface LastDraw {
  id: string | undefined;
  pool: Buffer;
  offset: number;
}

export class PooledRandomIdGenerator implements IdGenerator {
  private pool: Buffer = Buffer.alloc(0);
  private hex = '';
  private offset = POOL_BYTES;
  private readonly lastSpan: LastDraw = { id: undefined, pool: this.pool, offset: 0 };
  private readonly lastTrace: LastDraw = { id: undefined, pool: this.pool, offset: 0 };

  /** `fill` is the source of randomness; tests replace it to draw all-zero ids. */
  constructor(private readonly fill: (pool: Buffer) => Buffer = randomFillSync) {}

  generateTraceId(): string {
    return this.draw(TRACE_ID_BYTES, this.lastTrace);
  }

  generateSpanId(): string {
    return this.draw(SPAN_ID_BYTES, this.lastSpan);
  }

  /**
   * Call right after starting `span` with this generator: marks its context with where the bytes of
   * its span id (and of its trace id, when the span started a trace) are. The ids compared are the
   * very strings just returned, so the comparison is one of identity.
   */
  recordIdBytes(span: ReadableSpan): void {
    const context = span.spanContext() as MarkedContext;
    if (context.spanId !== this.lastSpan.id) return;
    const ownTrace = span.parentSpanContext === undefined && context.traceId === this.lastTrace.id;
    context[ID_BYTES] = {
      spanPool: this.lastSpan.pool,
      spanOffset: this.lastSpan.offset,
      tracePool: ownTrace ? this.lastTrace.pool : undefined,
      traceOffset: this.lastTrace.offset,
    };
  }

  private draw(bytes: number, last: LastDraw): string {
    const id = this.next(bytes);
    last.id = id;
    last.pool = this.pool;
    last.offset = this.offset - bytes;
    return id;
  }

  private next(bytes: number): string {
    for (;;) {
      if (this.offset + bytes > POOL_BYTES) {
        // A new pool each time: spans not yet exported still point into the old one.
        this.pool = this.fill(Buffer.allocUnsafe(POOL_BYTES));
        this.hex = this.pool.toString('hex');
        this.offset = 0;
      }
      const start = this.offset;
      this.offset = start + bytes;
      if (!this.allZero(start, start + bytes)) return this.hex.slice(2 * start, 2 * (start + bytes));
    }
  }

  /**
   * All-zero ids are invalid (W3C Trace Context); drawn with probability 2^-64 or less, then skipped.
   * Checked on the bytes: `===` on two different sliced strings calls into the V8 runtime, ten
   * times the cost of this loop, which almost always stops at the first byte.
   */
  private allZero(start: number, end: number): boolean {
    const pool = this.pool;
    for (let i = start; i < end; i++) if (pool[i] !== 0) return false;
    return true;
  }
}
