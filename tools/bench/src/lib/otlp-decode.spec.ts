// Round trip through the SDK's own OTLP protobuf serializer: what the exporters send is what we read.
import { SpanKind } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { decodeTraceExport, SPAN_KIND } from './otlp-decode';

describe('decodeTraceExport', () => {
  it('reads ids, names, kinds, times, attributes and service.name of every span', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'orders' }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer('bench-spec');
    const root = tracer.startSpan('POST /api/orders', {
      kind: SpanKind.SERVER,
      startTime: [1_700_000_000, 0],
      attributes: { 'http.route': '/api/orders', 'http.response.status_code': 201, sampled: true, ratio: 0.5 },
    });
    const { trace, context } = await import('@opentelemetry/api');
    const child = tracer.startSpan(
      'users.v1.UsersService/ValidateUser',
      { kind: SpanKind.CLIENT, startTime: [1_700_000_000, 2_000_000] },
      trace.setSpan(context.active(), root),
    );
    child.end([1_700_000_000, 7_500_000]);
    root.end([1_700_000_000, 20_000_000]);
    await provider.forceFlush();

    const body = ProtobufTraceSerializer.serializeRequest(exporter.getFinishedSpans());
    expect(body).toBeDefined();
    const spans = decodeTraceExport(Buffer.from(body as Uint8Array));

    expect(spans).toHaveLength(2);
    const decodedRoot = spans.find((s) => s.name === 'POST /api/orders');
    const decodedChild = spans.find((s) => s.kind === SPAN_KIND.client);
    expect(decodedRoot).toMatchObject({
      service: 'orders',
      kind: SPAN_KIND.server,
      traceId: root.spanContext().traceId,
      spanId: root.spanContext().spanId,
      parentSpanId: '',
      attributes: { 'http.route': '/api/orders', 'http.response.status_code': 201, sampled: true, ratio: 0.5 },
    });
    expect(decodedRoot && decodedRoot.endMs - decodedRoot.startMs).toBeCloseTo(20, 6);
    expect(decodedChild).toMatchObject({ parentSpanId: root.spanContext().spanId, traceId: root.spanContext().traceId });
    expect(decodedChild && decodedChild.endMs - decodedChild.startMs).toBeCloseTo(5.5, 6);
    await provider.shutdown();
  });

  it('returns no spans for an empty request and rejects a truncated one', () => {
    expect(decodeTraceExport(Buffer.alloc(0))).toEqual([]);
    expect(() => decodeTraceExport(Buffer.from([0x0a, 0x05, 0x01]))).toThrow(/truncated/);
  });
});
