import { Attributes, AttributeValue, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startOtlpReceiver } from '@obs/testing';
import { createOtlpSpanSerializer } from './otlp-span-serializer';
import { idBytesOf, PooledRandomIdGenerator } from './pooled-id-generator';
import { createOtlpTraceExporter } from './otlp-trace-exporter';

const REMOTE_PARENT = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
  isRemote: true,
  traceState: new TraceState('vendor=value,other=1'),
};

/** Finished spans from a real SDK provider; each provider has its own resource. */
function finishedSpans(resourceAttributes: Attributes, make: (provider: BasicTracerProvider) => void): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(resourceAttributes),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  make(provider);
  return memory.getFinishedSpans();
}

const serverSpan = (provider: BasicTracerProvider, i: number) =>
  provider
    .getTracer('@obs/observability')
    .startSpan(`GET /api/orders/:id`, {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': 'GET',
        'url.path': `/api/orders/ord-${i}`,
        'http.route': '/api/orders/:id',
        'client.address': '127.0.0.1',
        'http.response.status_code': 200,
      },
    })
    .end();

describe('OTLP span serializer', () => {
  const serializer = createOtlpSpanSerializer();
  const sameBytes = (spans: ReadableSpan[]) =>
    expect(Buffer.from(serializer.serializeRequest(spans) ?? [])).toEqual(
      Buffer.from(ProtobufTraceSerializer.serializeRequest(spans) ?? []),
    );

  it('writes the same bytes as the reference serializer for a batch of server spans', () => {
    const spans = finishedSpans({ 'service.name': 'orders', 'service.version': '1.2.3' }, (provider) => {
      for (let i = 0; i < 300; i++) serverSpan(provider, i);
    });
    expect(spans).toHaveLength(300);
    // 300 spans: the scope's and the resource's lengths take three bytes, so their bodies move.
    expect(serializer.serializeRequest(spans)?.length).toBeGreaterThan(16_384);
    sameBytes(spans);
  });

  it('writes each status of a span with nothing else after its attributes, and one with only a dropped count', () => {
    const spans = finishedSpans({ 'service.name': 'orders' }, (provider) => {
      const tracer = provider.getTracer('@obs/observability');
      for (const status of [{ code: SpanStatusCode.UNSET }, { code: SpanStatusCode.OK }, { code: SpanStatusCode.ERROR }, { code: SpanStatusCode.ERROR, message: 'declined' }]) {
        tracer.startSpan('status').setStatus(status).end();
      }
    });
    const memory = new InMemorySpanExporter();
    const limitedProvider = new BasicTracerProvider({ spanLimits: { attributeCountLimit: 1 }, spanProcessors: [new SimpleSpanProcessor(memory)] });
    limitedProvider.getTracer('@obs/observability').startSpan('limited', { attributes: { kept: 1, dropped: 2 } }).end();
    const limited = memory.getFinishedSpans();
    expect(limited[0].droppedAttributesCount).toBe(1);
    expect(spans.map((span) => [span.status.code, span.status.message])).toEqual([
      [SpanStatusCode.UNSET, undefined],
      [SpanStatusCode.OK, undefined],
      [SpanStatusCode.ERROR, undefined],
      [SpanStatusCode.ERROR, 'declined'],
    ]);
    sameBytes(spans);
    sameBytes(limited);
  });

  it('copies the id bytes the pooled generator noted, for root and child spans alike', () => {
    const memory = new InMemorySpanExporter();
    const idGenerator = new PooledRandomIdGenerator();
    const provider = new BasicTracerProvider({ idGenerator, spanProcessors: [new SimpleSpanProcessor(memory)] });
    const tracer = provider.getTracer('@obs/observability');
    const parent = trace.setSpanContext(ROOT_CONTEXT, REMOTE_PARENT);
    for (let i = 0; i < 400; i++) {
      const span = tracer.startSpan('GET /api/orders/:id', { kind: SpanKind.SERVER }, i % 3 === 0 ? parent : ROOT_CONTEXT);
      if (i % 5 !== 0) idGenerator.recordIdBytes(span as unknown as ReadableSpan);
      span.end();
    }
    const spans = memory.getFinishedSpans();
    expect(spans.filter((span) => idBytesOf(span.spanContext())?.tracePool)).not.toHaveLength(0);
    sameBytes(spans);
  });

  it('writes every field the reference writes: parents, trace state, events, links, status, all value types', () => {
    const spans = finishedSpans({ 'service.name': 'payments', 'host.arch': ['amd64', 'x86'] }, (provider) => {
      const tracer = provider.getTracer('custom-scope', '0.1.0', { schemaUrl: 'https://opentelemetry.io/schemas/1.30.0' });
      const parent = trace.setSpanContext(ROOT_CONTEXT, REMOTE_PARENT);
      const span = tracer.startSpan(
        'charge ✓ über',
        {
          kind: SpanKind.CLIENT,
          attributes: {
            text: 'naïve café',
            long: 'x'.repeat(300),
            emoji: 'ok 👍',
            negative: -42,
            huge: 2 ** 40,
            ratio: 0.25,
            yes: true,
            no: false,
            strings: ['a', 'b'],
            numbers: [1, 2.5, -3],
            empty: [],
          },
          links: [{ context: REMOTE_PARENT, attributes: { reason: 'retry' } }],
        },
        parent,
      );
      span.addEvent('exception', { 'exception.message': 'card declined', attempt: 2 });
      span.addEvent('no attributes');
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'declined' });
      span.end();
      const child = tracer.startSpan('local child', { kind: SpanKind.INTERNAL }, trace.setSpan(ROOT_CONTEXT, span));
      child.setStatus({ code: SpanStatusCode.OK });
      child.end();
      provider.getTracer('second-scope').startSpan('root without attributes').end();
    });
    expect(spans).toHaveLength(3);
    sameBytes(spans);
  });

  it('groups spans of several resources and scopes as the reference does', () => {
    const first = finishedSpans({ 'service.name': 'orders' }, (provider) => serverSpan(provider, 1));
    const second = finishedSpans({ 'service.name': 'users' }, (provider) => {
      serverSpan(provider, 2);
      provider.getTracer('other').startSpan('other').end();
      serverSpan(provider, 3);
    });
    sameBytes([first[0], second[0], second[1], first[0], second[2]]);
  });

  it('writes the reference bytes when remembered names and attribute values change from batch to batch', () => {
    const batch = (route: string, status: AttributeValue, extra: Attributes) =>
      finishedSpans({ 'service.name': 'orders' }, (provider) => {
        const tracer = provider.getTracer('@obs/observability');
        for (let i = 0; i < 3; i++) {
          tracer.startSpan(`GET ${route}`, { kind: SpanKind.SERVER, attributes: { 'http.route': route, 'http.response.status_code': status, 'url.path': `/p/${i}`, ...extra } }).end();
        }
      });
    // Values of one key that encode differently must never share bytes: 200 and '200' and true, 1 and 1.5.
    sameBytes(batch('/api/orders/:id', 200, { retry: 1 }));
    sameBytes(batch('/api/orders/:id', '200', { retry: 1.5 }));
    sameBytes(batch('/api/orders', true, { retry: 'x'.repeat(400) }));
    sameBytes(batch('/api/orders/:id', 200, { retry: ['a', 'b'], über: 'naïve ✓' }));
    sameBytes(batch('/api/orders/:id', 200, { retry: 1, über: 'naïve ✓' }));
  });

  it('keeps writing the reference bytes for an attribute with more values than it remembers', () => {
    for (let round = 0; round < 3; round++) {
      const spans = finishedSpans({ 'service.name': 'orders' }, (provider) => {
        for (let i = 0; i < 200; i++) serverSpan(provider, round * 200 + i);
      });
      sameBytes(spans);
    }
  });

  it('writes an empty request for no spans, and keeps earlier results intact when reused', () => {
    sameBytes([]);
    const a = finishedSpans({ 'service.name': 'orders' }, (provider) => serverSpan(provider, 1));
    const b = finishedSpans({ 'service.name': 'users' }, (provider) => serverSpan(provider, 2));
    const first = serializer.serializeRequest(a);
    const copy = Buffer.from(first ?? []);
    serializer.serializeRequest(b);
    // A retry sends the first request again after the writer has moved on.
    expect(Buffer.from(first ?? [])).toEqual(copy);
  });

  it('decodes the collector response with the reference deserializer', () => {
    expect(serializer.deserializeResponse(new Uint8Array())).toEqual(ProtobufTraceSerializer.deserializeResponse(new Uint8Array()));
  });

  it('exports through OTLP/gRPC to a receiver that decodes the official proto', async () => {
    const receiver = await startOtlpReceiver();
    const saved = process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = receiver.endpoint;
    const exporter = createOtlpTraceExporter();
    try {
      const spans = finishedSpans({ 'service.name': 'orders' }, (provider) => {
        for (let i = 0; i < 3; i++) serverSpan(provider, i);
      });
      const result = await new Promise<{ code: number; error?: Error }>((resolve) => exporter.export(spans, resolve));
      expect(result).toEqual({ code: 0 });
      expect(receiver.spans().map((s) => [s.service, s.traceId, s.spanId, s.name, s.kind, s.attributes['url.path'], s.attributes['http.response.status_code']])).toEqual(
        spans.map((s, i) => ['orders', s.spanContext().traceId, s.spanContext().spanId, 'GET /api/orders/:id', 2, `/api/orders/ord-${i}`, 200]),
      );
    } finally {
      await exporter.shutdown();
      await receiver.stop();
      if (saved === undefined) delete process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
      else process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = saved;
    }
  });
});
