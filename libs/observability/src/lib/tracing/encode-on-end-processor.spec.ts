import { Attributes, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, ReadableSpan, Sampler, SamplingDecision, SimpleSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startOtlpReceiver } from '@obs/testing';
import { EncodeOnEndProcessor, SpanEncoder } from './encode-on-end-processor';
import { EncodedSpan } from './encoded-span';
import { createOtlpSpanSerializer } from './otlp-span-serializer';
import { createOtlpSpanProcessor } from './otlp-trace-exporter';

function finishedSpans(resourceAttributes: Attributes, make: (provider: BasicTracerProvider) => void): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  make(new BasicTracerProvider({ resource: resourceFromAttributes(resourceAttributes), spanProcessors: [new SimpleSpanProcessor(memory)] }));
  return memory.getFinishedSpans();
}

const REMOTE_PARENT = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED, isRemote: true };

function variedSpans(provider: BasicTracerProvider, count: number): void {
  const server = provider.getTracer('@obs/observability');
  const other = provider.getTracer('other-scope', '1.0.0');
  for (let i = 0; i < count; i++) {
    const tracer = i % 7 === 3 ? other : server;
    const parent = i % 5 === 0 ? trace.setSpanContext(ROOT_CONTEXT, REMOTE_PARENT) : ROOT_CONTEXT;
    const span = tracer.startSpan('GET /api/orders/:id', { kind: SpanKind.SERVER, attributes: { 'url.path': `/api/orders/ord-${i}`, 'http.route': '/api/orders/:id' } }, parent);
    // Now and then a span longer than what is left of a small chunk, events and a status message.
    if (i % 11 === 4) span.setAttribute('long', 'ü'.repeat(400));
    if (i % 13 === 6) span.addEvent('retry', { attempt: i });
    span.setAttribute('http.response.status_code', i % 9 === 0 ? 503 : 200);
    if (i % 9 === 0) span.setStatus({ code: SpanStatusCode.ERROR, message: 'unavailable' });
    span.end();
  }
}

describe('Spans encoded as they end', () => {
  it('serialize to the reference bytes, across chunks, resources and scopes, alone or mixed with unencoded spans', () => {
    const spans = [
      ...finishedSpans({ 'service.name': 'orders' }, (provider) => variedSpans(provider, 60)),
      ...finishedSpans({ 'service.name': 'users' }, (provider) => variedSpans(provider, 20)),
    ];
    // Chunks of 512 bytes: a new one every two or three spans, and the long spans outgrow theirs.
    const encoder = new SpanEncoder(512);
    const encoded = spans.map((span) => encoder.encode(span));
    const chunks = new Set(encoded.map((standIn) => standIn.chunk));
    expect(chunks.size).toBeGreaterThan(10);
    expect(chunks.size).toBeLessThan(spans.length);
    const reference = Buffer.from(ProtobufTraceSerializer.serializeRequest(spans) ?? []);
    const serializer = createOtlpSpanSerializer();
    const asSpans = (items: Array<ReadableSpan | EncodedSpan>) => items as ReadableSpan[];
    expect(Buffer.from(serializer.serializeRequest(asSpans(encoded)) ?? [])).toEqual(reference);
    const mixed = spans.map((span, i) => (i % 4 === 1 ? span : encoded[i]));
    expect(Buffer.from(serializer.serializeRequest(asSpans(mixed)) ?? [])).toEqual(reference);
  });

  it('queue a span the encoder fails on as it is, without throwing from end()', () => {
    const queued: ReadableSpan[] = [];
    const batch: SpanProcessor = { onStart: () => undefined, onEnd: (span) => queued.push(span), forceFlush: async () => undefined, shutdown: async () => undefined };
    const failing = { encode: () => { throw new RangeError('cannot encode'); } } as unknown as SpanEncoder;
    const provider = new BasicTracerProvider({ spanProcessors: [new EncodeOnEndProcessor(batch, failing)] });
    const span = provider.getTracer('spec').startSpan('kept');
    expect(() => span.end()).not.toThrow();
    expect(queued.map((s) => s.name)).toEqual(['kept']);
    expect(queued[0]).not.toBeInstanceOf(EncodedSpan);
  });

  it('export every sampled span once through OTLP/gRPC, in batches, and no unsampled one', async () => {
    const receiver = await startOtlpReceiver();
    const saved = process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = receiver.endpoint;
    const memory = new InMemorySpanExporter();
    const dropUnsampled: Sampler = {
      shouldSample: (_context, _traceId, name) => ({ decision: name === 'unsampled' ? SamplingDecision.RECORD : SamplingDecision.RECORD_AND_SAMPLED }),
      toString: () => 'drops spans named unsampled',
    };
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'orders' }),
      sampler: dropUnsampled,
      spanProcessors: [createOtlpSpanProcessor(), new SimpleSpanProcessor(memory)],
    });
    try {
      variedSpans(provider, 700);
      for (let i = 0; i < 5; i++) provider.getTracer('@obs/observability').startSpan('unsampled').end();
      await provider.forceFlush();
      const sampled = memory.getFinishedSpans().filter((span) => span.spanContext().traceFlags & TraceFlags.SAMPLED);
      expect(sampled).toHaveLength(700);
      // Each request groups its spans by scope, so the order is compared per span id.
      const bySpanId = (rows: unknown[][]) => rows.sort((a, b) => String(a[1]).localeCompare(String(b[1])));
      expect(bySpanId(receiver.spans().map((s) => [s.traceId, s.spanId, s.name, s.attributes['url.path']]))).toEqual(
        bySpanId(sampled.map((s) => [s.spanContext().traceId, s.spanContext().spanId, s.name, s.attributes['url.path']])),
      );
    } finally {
      await provider.shutdown();
      await receiver.stop();
      if (saved === undefined) delete process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
      else process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = saved;
    }
  });
});
