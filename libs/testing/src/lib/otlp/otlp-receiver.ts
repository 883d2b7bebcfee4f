// An OTLP/gRPC trace receiver: every app exports to it exactly as it would to a collector
// (OTEL_EXPORTER_OTLP_ENDPOINT), and the suite reads the spans back by trace.
import { loadPackageDefinition, Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { join } from 'node:path';

/** OTLP SpanKind values. */
export const SPAN_KIND = { internal: 1, server: 2, client: 3 } as const;

export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  /** Empty for a root span. */
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
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
interface WireSpan {
  traceId: Buffer;
  spanId: Buffer;
  parentSpanId?: Buffer;
  name: string;
  kind?: number;
  attributes: KeyValue[];
}
interface ExportRequest {
  resourceSpans: { resource?: { attributes: KeyValue[] }; scopeSpans: { spans: WireSpan[] }[] }[];
}

function attributes(list: readonly KeyValue[] = []): Record<string, string | number | boolean> {
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
  trace(traceId: string): ReceivedSpan[];
  stop(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const definition = loadSync(join(__dirname, 'otlp-trace.proto'), { longs: String, defaults: false, arrays: true });
  // loadPackageDefinition returns an untyped tree by design; the service path is upstream's.
  const pkg = loadPackageDefinition(definition) as unknown as {
    opentelemetry: { proto: { collector: { trace: { v1: { TraceService: { service: Parameters<Server['addService']>[0] } } } } } };
  };
  const received: ReceivedSpan[] = [];
  const byTrace = new Map<string, ReceivedSpan[]>();
  const server = new Server();
  server.addService(pkg.opentelemetry.proto.collector.trace.v1.TraceService.service, {
    Export(call: ServerUnaryCall<ExportRequest, object>, callback: sendUnaryData<object>) {
      for (const rs of call.request.resourceSpans) {
        const service = String(attributes(rs.resource?.attributes)['service.name'] ?? '');
        for (const s of rs.scopeSpans.flatMap((ss) => ss.spans)) {
          const span: ReceivedSpan = {
            service,
            traceId: s.traceId.toString('hex'),
            spanId: s.spanId.toString('hex'),
            parentSpanId: s.parentSpanId?.toString('hex') ?? '',
            name: s.name,
            kind: s.kind ?? 0,
            attributes: attributes(s.attributes),
          };
          received.push(span);
          const list = byTrace.get(span.traceId) ?? [];
          if (list.length === 0) byTrace.set(span.traceId, list);
          list.push(span);
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
    trace: (traceId) => byTrace.get(traceId) ?? [],
    stop: () =>
      new Promise<void>((resolve) => {
        // Exporters keep their channels open; a bounded graceful stop, then a forced one.
        const timer = setTimeout(() => server.forceShutdown(), 2_000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
