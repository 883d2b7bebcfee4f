// A tiny OTLP/gRPC trace receiver: the services export to it exactly as they would to a collector,
// and the tests read the spans back (service, ids, parent links).
import { Server, ServerCredentials, loadPackageDefinition, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { join } from 'node:path';

export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  attributes: Record<string, string | number | boolean>;
}

interface AnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string;
  doubleValue?: number;
}
interface KeyValue {
  key: string;
  value?: AnyValue;
}
interface ExportRequest {
  resourceSpans: {
    resource?: { attributes: KeyValue[] };
    scopeSpans: { spans: { traceId: Buffer; spanId: Buffer; parentSpanId?: Buffer; name: string; kind?: number; attributes: KeyValue[] }[] }[];
  }[];
}

function attributes(list: KeyValue[] = []): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const { key, value } of list) {
    const v = value?.stringValue ?? value?.boolValue ?? value?.doubleValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export interface OtlpReceiver {
  /** For OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly endpoint: string;
  spans(): readonly ReceivedSpan[];
  stop(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const definition = loadSync(join(__dirname, 'otlp-trace.proto'), { longs: String, defaults: false, arrays: true });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loadPackageDefinition is untyped by nature
  const pkg = loadPackageDefinition(definition) as any;
  const received: ReceivedSpan[] = [];
  const server = new Server();
  server.addService(pkg.opentelemetry.proto.collector.trace.v1.TraceService.service, {
    Export(call: ServerUnaryCall<ExportRequest, object>, callback: sendUnaryData<object>) {
      for (const rs of call.request.resourceSpans) {
        const service = String(attributes(rs.resource?.attributes)['service.name'] ?? '');
        for (const ss of rs.scopeSpans) {
          for (const s of ss.spans) {
            received.push({
              service,
              traceId: s.traceId.toString('hex'),
              spanId: s.spanId.toString('hex'),
              parentSpanId: s.parentSpanId?.toString('hex') ?? '',
              name: s.name,
              kind: s.kind ?? 0,
              attributes: attributes(s.attributes),
            });
          }
        }
      }
      callback(null, {});
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p))),
  );
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans: () => received,
    stop: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}
