import { isValidSpanId, isValidTraceId } from '@opentelemetry/api';
import { randomFillSync } from 'node:crypto';
import { PooledRandomIdGenerator } from './pooled-id-generator';

describe('PooledRandomIdGenerator', () => {
  it('makes valid, distinct trace and span ids across many refills of its pool', () => {
    const generator = new PooledRandomIdGenerator();
    const traceIds = new Set<string>();
    const spanIds = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      const traceId = generator.generateTraceId();
      const spanId = generator.generateSpanId();
      expect(isValidTraceId(traceId) && /^[0-9a-f]{32}$/.test(traceId)).toBe(true);
      expect(isValidSpanId(spanId) && /^[0-9a-f]{16}$/.test(spanId)).toBe(true);
      traceIds.add(traceId);
      spanIds.add(spanId);
    }
    expect([traceIds.size, spanIds.size]).toEqual([5_000, 5_000]);
  });

  it('skips all-zero ids, which W3C Trace Context declares invalid', () => {
    let fills = 0;
    // The first pool is all zeros: every id in it is invalid, so the generator must draw again.
    const generator = new PooledRandomIdGenerator((pool) => (fills++ === 0 ? pool.fill(0) : randomFillSync(pool)));
    expect(isValidTraceId(generator.generateTraceId())).toBe(true);
    expect(isValidSpanId(generator.generateSpanId())).toBe(true);
    expect(fills).toBe(2);
  });
});
