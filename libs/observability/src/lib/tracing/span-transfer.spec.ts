// What the export worker sends must be byte for byte what the in-process exporter would have sent:
// spans flattened for the worker and rebuilt there serialize to the same OTLP protobuf.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { fromTransferredBatch, toTransferredBatch } from './span-transfer';

function finishedSpans() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'orders', 'service.version': '1.2.3' }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const parent = new W3CTraceContextPropagator().extract(
    ROOT_CONTEXT,
    { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'vendor=abc,other=1' },
    { get: (carrier, key) => (carrier as Record<string, string>)[key], keys: (carrier) => Object.keys(carrier as object) },
  );
  const server = provider.getTracer('@obs/observability').startSpan(
    'GET /api/orders/:id',
    { kind: SpanKind.SERVER, attributes: { 'http.route': '/api/orders/:id', 'http.response.status_code': 200, tags: ['a', 'b'] } },
    parent,
  );
  const client = provider.getTracer('@opentelemetry/instrumentation-grpc', '0.1.0').startSpan(
    'users.Users/GetUser',
    { kind: SpanKind.CLIENT, links: [{ context: server.spanContext(), attributes: { reason: 'retry' } }] },
    trace.setSpan(parent, server),
  );
  client.addEvent('retry', { attempt: 2 });
  client.setStatus({ code: SpanStatusCode.ERROR, message: 'UNAVAILABLE' });
  client.end();
  server.end();
  return exporter.getFinishedSpans();
}

describe('spans handed to the export worker', () => {
  it('serialize to the same OTLP bytes after crossing a structured clone', () => {
    const spans = finishedSpans();
    expect(spans).toHaveLength(2);
    // structuredClone is what postMessage does to the batch on its way to the worker.
    const rebuilt = fromTransferredBatch(structuredClone(toTransferredBatch(spans)));
    const expected = ProtobufTraceSerializer.serializeRequest(spans);
    expect(expected?.length).toBeGreaterThan(100);
    expect(Buffer.from(ProtobufTraceSerializer.serializeRequest(rebuilt) ?? [])).toEqual(Buffer.from(expected ?? []));
  });

  it('keeps the trace state, the remote parent and one resource shared by the batch', () => {
    const [client, server] = fromTransferredBatch(structuredClone(toTransferredBatch(finishedSpans())));
    expect(server.parentSpanContext).toMatchObject({ spanId: 'b7ad6b7169203331', isRemote: true });
    expect(server.spanContext().traceState?.get('vendor')).toBe('abc');
    expect(client.links[0].context.traceState?.serialize()).toBe('vendor=abc,other=1');
    expect(client.resource).toBe(server.resource);
    expect(client.resource.attributes['service.name']).toBe('orders');
    expect(client.instrumentationScope).toEqual({ name: '@opentelemetry/instrumentation-grpc', version: '0.1.0', schemaUrl: undefined });
  });
});
