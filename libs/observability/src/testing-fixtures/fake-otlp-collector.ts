// A real gRPC server on the OTLP trace service path that keeps every Export request's raw bytes:
// enough to check that spans (their 16-byte trace ids) arrived, without decoding protobuf.
import { Server, ServerCredentials, ServerUnaryCall, sendUnaryData } from '@grpc/grpc-js';

export interface FakeOtlpCollector {
  readonly endpoint: string;
  /** Whether any Export request so far carried this trace id (hex). */
  received(traceIdHex: string): boolean;
  stop(): Promise<void>;
}

const identity = (buffer: Buffer) => buffer;

export async function startFakeOtlpCollector(): Promise<FakeOtlpCollector> {
  const requests: Buffer[] = [];
  const server = new Server();
  server.addService(
    {
      Export: {
        path: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
        requestStream: false,
        responseStream: false,
        requestSerialize: identity,
        requestDeserialize: identity,
        // An empty ExportTraceServiceResponse is zero bytes of protobuf.
        responseSerialize: identity,
        responseDeserialize: identity,
      },
    },
    {
      Export: (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
        requests.push(call.request);
        callback(null, Buffer.alloc(0));
      },
    },
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received: (traceIdHex) => requests.some((request) => request.includes(Buffer.from(traceIdHex, 'hex'))),
    stop: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}
