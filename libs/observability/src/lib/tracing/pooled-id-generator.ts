// Trace and span ids cut from a pool of cryptographically random bytes. The SDK's RandomIdGenerator
// builds each id from Math.random, four bytes at a time through Buffer#writeUInt32BE (which checks
// its arguments on every call), then encodes it as hex natively. Here one randomFillSync and one
// hex encoding serve ~170 requests, and an id is a slice of that hex text (V8 makes a slice of 13 or
// more characters a view of its parent, not a copy). W3C Trace Context asks for random ids; these
// come from the system's CSPRNG.
import type { IdGenerator } from '@opentelemetry/sdk-trace-base';
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const TRACE_ID_BYTES = 16;
const SPAN_ID_BYTES = 8;

export class PooledRandomIdGenerator implements IdGenerator {
  private readonly pool = Buffer.allocUnsafe(POOL_BYTES);
  private hex = '';
  private offset = POOL_BYTES;

  /** `fill` is the source of randomness; tests replace it to draw all-zero ids. */
  constructor(private readonly fill: (pool: Buffer) => Buffer = randomFillSync) {}

  generateTraceId(): string {
    return this.next(TRACE_ID_BYTES);
  }

  generateSpanId(): string {
    return this.next(SPAN_ID_BYTES);
  }

  private next(bytes: number): string {
    for (;;) {
      if (this.offset + bytes > POOL_BYTES) {
        this.hex = this.fill(this.pool).toString('hex');
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
