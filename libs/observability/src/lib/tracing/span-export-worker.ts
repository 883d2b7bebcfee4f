// The worker thread that encodes finished spans as OTLP protobuf and sends them over gRPC, so the
// service's event loop does neither (the benchmark profile put the two at ~15 µs of every traced
// request). It reads the same OTEL_EXPORTER_OTLP_* variables an in-process exporter would: a worker
// starts with a copy of the process environment. Built as dist/apps/<app>/span-export-worker.js.
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { parentPort } from 'node:worker_threads';
import type { FromExportWorker, ToExportWorker } from './span-export-protocol';
import { fromTransferredBatch } from './span-transfer';

const port = parentPort;
if (port) {
  const exporter = new OTLPTraceExporter();
  const reply = (message: FromExportWorker) => port.postMessage(message);
  const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
  port.on('message', (message: ToExportWorker) => {
    switch (message.type) {
      case 'export':
        try {
          exporter.export(fromTransferredBatch(message.batch), (result) =>
            reply({ type: 'exported', id: message.id, ok: result.code === 0, error: result.error && errorText(result.error) }),
          );
        } catch (error) {
          reply({ type: 'exported', id: message.id, ok: false, error: errorText(error) });
        }
        return;
      case 'flush':
      case 'shutdown':
        (message.type === 'flush' ? exporter.forceFlush() : exporter.shutdown()).then(
          () => reply({ type: 'done', id: message.id }),
          (error: unknown) => reply({ type: 'done', id: message.id, error: errorText(error) }),
        );
    }
  });
}
