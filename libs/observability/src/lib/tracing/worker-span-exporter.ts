// A SpanExporter that hands each batch to a worker thread (span-export-worker.ts), which encodes it
// as OTLP and sends it. The BatchSpanProcessor in front of it is unchanged: same queue, batch size,
// delay and timeouts, the same result per batch; only the encoding and the gRPC client leave the
// event loop that serves requests.
import { diag } from '@opentelemetry/api';
import { ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { Worker } from 'node:worker_threads';
import type { FromExportWorker, ToExportWorker } from './span-export-protocol';
import { toTransferredBatch } from './span-transfer';

export interface WorkerSpanExporterOptions {
  /** The built worker (dist/apps/<app>/span-export-worker.js), or its TypeScript source in tests. */
  readonly workerPath: string;
  /** Node options for the worker; [] keeps the tracing preload out of it. */
  readonly execArgv?: string[];
}

type Settle = (message: FromExportWorker) => void;

export class WorkerSpanExporter implements SpanExporter {
  private worker?: Worker;
  private nextId = 0;
  /** Outstanding requests, with the worker each went to (a crash fails only that worker's). */
  private readonly pending = new Map<number, { settle: Settle; worker: Worker }>();
  private stopped = false;

  constructor(private readonly options: WorkerSpanExporterOptions) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.stopped) return resultCallback({ code: ExportResultCode.FAILED, error: new Error('exporter is shut down') });
    let batch;
    try {
      batch = toTransferredBatch(spans);
    } catch (error) {
      return resultCallback({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    }
    this.send({ type: 'export', id: ++this.nextId, batch }, (reply) =>
      resultCallback(
        reply.type === 'exported' && reply.ok
          ? { code: ExportResultCode.SUCCESS }
          : { code: ExportResultCode.FAILED, error: new Error(reply.error ?? 'span export worker failed') },
      ),
    );
  }

  forceFlush(): Promise<void> {
    return this.stopped ? Promise.resolve() : this.request('flush');
  }

  async shutdown(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.worker) return;
    try {
      await this.request('shutdown');
    } finally {
      await this.worker?.terminate();
      this.worker = undefined;
    }
  }

  private request(type: 'flush' | 'shutdown'): Promise<void> {
    return new Promise((resolve, reject) =>
      this.send({ type, id: ++this.nextId }, (reply) => (reply.error ? reject(new Error(reply.error)) : resolve())),
    );
  }

  private send(message: ToExportWorker, settle: Settle): void {
    const worker = this.worker ?? this.start();
    this.pending.set(message.id, { settle, worker });
    // Only while a batch or flush is outstanding does the worker keep the process alive, so an
    // idle service still exits on its own and a shutdown still waits for the last batch.
    worker.ref();
    worker.postMessage(message);
  }

  private start(): Worker {
    // The environment is passed explicitly so the worker sees this module's view of it (the same
    // object in a service; a test runner may sandbox process.env).
    const worker = new Worker(this.options.workerPath, { execArgv: this.options.execArgv ?? [], env: process.env });
    worker.unref();
    const outstanding = () => [...this.pending.entries()].filter(([, entry]) => entry.worker === worker);
    worker.on('message', (message: FromExportWorker) => {
      const entry = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (outstanding().length === 0) worker.unref();
      entry?.settle(message);
    });
    // A crashed worker fails what it held; the next batch starts a new one.
    const fail = (reason: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, entry] of outstanding()) {
        this.pending.delete(id);
        entry.settle({ type: 'done', id, error: reason });
      }
    };
    worker.on('error', (error) => {
      diag.error(`span export worker failed: ${error.message}`);
      fail(`span export worker failed: ${error.message}`);
    });
    worker.on('exit', (code) => fail(`span export worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }
}
