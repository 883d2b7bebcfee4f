import { isValidSpanId, isValidTraceId, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { BasicTracerProvider, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { randomFillSync } from 'node:crypto';
import { idBytesOf, PooledRandomIdGenerator } from './pooled-id-generator';

const hexAt = (pool: Buffer | undefined, offset: number, length: number) => pool?.subarray(offset, offset + length).toString('hex');

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

  it('notes where the bytes of a started span\'s ids are, and those bytes outlive later refills', () => {
    const idGenerator = new PooledRandomIdGenerator();
    const tracer = new BasicTracerProvider({ idGenerator }).getTracer('spec');
    const remoteParent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    const spans: ReadableSpan[] = [];
    // 600 root and 600 child spans: about eight pools' worth of ids, so refills fall between ids too.
    for (let i = 0; i < 600; i++) {
      for (const parent of [ROOT_CONTEXT, remoteParent]) {
        const span = tracer.startSpan('work', {}, parent) as unknown as ReadableSpan;
        idGenerator.recordIdBytes(span);
        spans.push(span);
      }
    }
    for (const span of spans) {
      const { traceId, spanId } = span.spanContext();
      const bytes = idBytesOf(span.spanContext());
      expect(hexAt(bytes?.spanPool, bytes?.spanOffset ?? 0, 8)).toBe(spanId);
      if (span.parentSpanContext) expect(bytes?.tracePool).toBeUndefined();
      else expect(hexAt(bytes?.tracePool, bytes?.traceOffset ?? 0, 16)).toBe(traceId);
    }
  });

  it('notes nothing for a span whose ids it did not just draw', () => {
    const idGenerator = new PooledRandomIdGenerator();
    const other = new BasicTracerProvider().getTracer('spec');
    const span = other.startSpan('elsewhere') as unknown as ReadableSpan;
    idGenerator.generateSpanId();
    idGenerator.recordIdBytes(span);
    expect(idBytesOf(span.spanContext())).toBeUndefined();
  });
});
