// A local OTLP/gRPC receiver for the bench (its own process, so its CPU is not the client's): accepts
// traces, metrics and logs, counts requests and bytes, and decodes trace requests only while a capture
// is on (decoding every export would tax the shared cores during the throughput runs).
// Env: OTLP_GRPC_PORT, CONTROL_PORT. Control: GET /stats, POST /capture (start), GET /capture (spans).
import { Server, ServerCredentials, ServiceDefinition, handleUnaryCall } from '@grpc/grpc-js';
import { createServer } from 'node:http';
import { decodeTraceExport, DecodedSpan } from '../lib/otlp-decode';

type Signal = 'traces' | 'metrics' | 'logs';
const SERVICES: Record<Signal, string> = {
  traces: 'opentelemetry.proto.collector.trace.v1.TraceService',
  metrics: 'opentelemetry.proto.collector.metrics.v1.MetricsService',
  logs: 'opentelemetry.proto.collector.logs.v1.LogsService',
};

const stats: Record<Signal, { requests: number; bytes: number }> = {
  traces: { requests: 0, bytes: 0 },
  metrics: { requests: 0, bytes: 0 },
  logs: { requests: 0, bytes: 0 },
};
let capturing = false;
let captured: DecodedSpan[] = [];
let decodeErrors = 0;

const identity = (value: Buffer) => value;

function definition(service: string): ServiceDefinition {
  return {
    Export: {
      path: `/${service}/Export`,
      requestStream: false,
      responseStream: false,
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: identity,
      responseDeserialize: identity,
    },
  } as ServiceDefinition;
}

function handler(signal: Signal): handleUnaryCall<Buffer, Buffer> {
  return (call, callback) => {
    stats[signal].requests += 1;
    stats[signal].bytes += call.request.length;
    if (signal === 'traces' && capturing) {
      try {
        captured.push(...decodeTraceExport(call.request));
      } catch {
        decodeErrors += 1;
      }
    }
    // An empty Export*ServiceResponse: every field is optional, so zero bytes is a valid message.
    callback(null, Buffer.alloc(0));
  };
}

async function main(): Promise<void> {
  const grpcPort = Number(process.env['OTLP_GRPC_PORT']);
  const controlPort = Number(process.env['CONTROL_PORT']);
  const server = new Server({ 'grpc.max_receive_message_length': 64 * 1024 * 1024 });
  for (const signal of Object.keys(SERVICES) as Signal[]) {
    server.addService(definition(SERVICES[signal]), { Export: handler(signal) });
  }
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${grpcPort}`, ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve())),
  );

  const control = createServer((req, res) => {
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/stats') return send({ ...stats, decodeErrors });
    if (req.url === '/capture' && req.method === 'POST') {
      captured = [];
      capturing = true;
      return send({ capturing });
    }
    if (req.url === '/capture' && req.method === 'GET') {
      capturing = false;
      const spans = captured;
      captured = [];
      return send(spans);
    }
    res.writeHead(404).end();
  });
  control.listen(controlPort, '127.0.0.1', () => process.stdout.write('ready\n'));
  process.once('SIGTERM', () => {
    control.close();
    server.forceShutdown();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`otlp-receiver: ${String(error)}\n`);
  process.exit(1);
});
