// `npm run bench:hot-path`: per-request work of the three signals, timed in one process so the
// figures hold still on a noisy host: recording the HTTP histogram with an exemplar (prom-client's
// Histogram against the library's ExemplarHistogram), reading the active span's ids the way
// exemplars, log lines and error bodies do, and encoding a finished span as OTLP protobuf (what
// export costs the event loop per span), with otlp-transformer's serializer and with the library's.
import { LATENCY_BUCKETS_SECONDS, METRICS } from '@obs/contracts';
import { activeSpanIds, createOtlpSpanSerializer, ExemplarHistogram } from '@obs/observability';
import { context, isSpanContextValid, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Histogram, Registry } from 'prom-client';
import { markdownTable } from '../lib/markdown-table';
import { bestOf } from './best-of';

const WARMUP = 50_000;
const ITERATIONS = 500_000;

function microsPer(work: (i: number) => void): number {
  for (let i = 0; i < WARMUP; i++) work(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) work(i);
  return Number(process.hrtime.bigint() - started) / ITERATIONS / 1_000;
}

const best = (work: (i: number) => void) => bestOf(() => microsPer(work));

const definition = METRICS.httpServerDuration;
const routes = ['/api/orders', '/api/orders/:id', '/api/users/:id'];
const statuses = [200, 201, 404];
const labelsFor = (i: number) => ({ http_request_method: 'GET', http_route: routes[i % 3], http_response_status_code: statuses[i % 3] });
const exemplar = { trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: 'b7ad6b7169203331' };

const promClient = new Histogram({
  name: definition.name,
  help: definition.help,
  labelNames: [...definition.labels],
  buckets: [...LATENCY_BUCKETS_SECONDS],
  // Exemplars need an OpenMetrics registry (prom-client's typings omit the constructor argument).
  registers: [new (Registry as unknown as new (contentType: string) => Registry)(Registry.OPENMETRICS_CONTENT_TYPE)],
  enableExemplars: true,
});
const ours = new ExemplarHistogram({ name: definition.name, help: definition.help, labelNames: definition.labels, buckets: LATENCY_BUCKETS_SECONDS });

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const span = new BasicTracerProvider().getTracer('bench').startSpan('GET /api/orders/:id');
/** What activeSpanIds did before: isSpanContextValid's regular expressions on every call. */
function uncachedIds() {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId, sampled: (spanContext.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED };
}
/** A batch of finished server spans shaped like the ones orders exports (fastify-server-spans.ts). */
function serverSpans(count: number) {
  const memory = new InMemorySpanExporter();
  const serverTracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] }).getTracer('@obs/observability');
  for (let i = 0; i < count; i++) {
    serverTracer
      .startSpan('GET /api/orders/:id', {
        kind: 1,
        attributes: {
          'http.request.method': 'GET',
          'url.path': `/api/orders/ord-${i}`,
          'url.scheme': 'http',
          'network.protocol.version': '1.1',
          'client.address': '127.0.0.1',
          'http.route': '/api/orders/:id',
          'user_agent.original': 'autocannon',
          'http.response.status_code': 200,
        },
      })
      .end();
  }
  return memory.getFinishedSpans();
}
const BATCH = 512;
const oursSerializer = createOtlpSpanSerializer();
const batch = serverSpans(BATCH);
/** µs per span, best of three runs of 100 whole batches (as the BatchSpanProcessor hands them over). */
function perSpan(exportBatch: () => void): number {
  const run = () => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < 100; i++) exportBatch();
    return Number(process.hrtime.bigint() - started) / (100 * BATCH) / 1_000;
  };
  run();
  return bestOf(run);
}

let sink: unknown;
const inSpan = (read: () => unknown) => () => context.with(trace.setSpan(context.active(), span), () => (sink = read()));

const rows: [string, number][] = [
  ['histogram observe with exemplar: prom-client Histogram', best((i) => promClient.observe({ labels: labelsFor(i), value: (i % 100) / 1000, exemplarLabels: exemplar as never }))],
  ['histogram observe with exemplar: ExemplarHistogram', best((i) => ours.observe(labelsFor(i), (i % 100) / 1000, exemplar))],
  ['active span ids: isSpanContextValid on every call (before)', best(inSpan(uncachedIds))],
  ['active span ids: length and all-zero checks (activeSpanIds)', best(inSpan(activeSpanIds))],
  ['entering the span context alone (subtract from both)', best(inSpan(() => undefined))],
  ['OTLP protobuf encoding of a finished server span: otlp-transformer (before)', perSpan(() => void (sink = ProtobufTraceSerializer.serializeRequest(batch)))],
  ['OTLP protobuf encoding of a finished server span: one-pass serializer (now)', perSpan(() => void (sink = oursSerializer.serializeRequest(batch)))],
];
void sink;
process.stdout.write(markdownTable(['hot-path operation', 'µs per call (best of 3)'], rows.map(([label, us]) => [label, us.toFixed(3)])) + '\n');
