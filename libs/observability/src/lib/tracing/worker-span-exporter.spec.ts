// The export worker end to end: a real worker thread (the TypeScript source, loaded the way the
// fixture processes load it) sends batches over OTLP gRPC to a real receiver.
import { ExportResult, ExportResultCode } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startOtlpReceiver, waitFor, type OtlpReceiver } from '@obs/testing';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerSpanExporter } from './worker-span-exporter';

jest.setTimeout(30_000);

const WORKER_SOURCE = join(__dirname, 'span-export-worker.ts');
const FROM_SOURCE = ['-r', '@swc-node/register'];

function spans(names: string[]): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] }).getTracer('spec');
  for (const name of names) tracer.startSpan(name).end();
  return memory.getFinishedSpans();
}

const exportOnce = (exporter: WorkerSpanExporter, batch: ReadableSpan[]) =>
  new Promise<ExportResult>((resolve) => exporter.export(batch, resolve));

describe('WorkerSpanExporter', () => {
  let receiver: OtlpReceiver;
  const saved = process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // The worker reads the endpoint from the environment it is started with, like the SDK does.
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = receiver.endpoint;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    else process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = saved;
    await receiver?.stop();
  });

  it('delivers every batch to the collector with its ids intact, then shuts the worker down', async () => {
    const exporter = new WorkerSpanExporter({ workerPath: WORKER_SOURCE, execArgv: FROM_SOURCE });
    const first = spans(['load-order', 'charge']);
    const second = spans(['ship']);
    const results = await Promise.all([exportOnce(exporter, first), exportOnce(exporter, second)]);
    expect(results.map((r) => r.error?.message)).toEqual([undefined, undefined]);
    expect(results.map((r) => r.code)).toEqual([ExportResultCode.SUCCESS, ExportResultCode.SUCCESS]);
    await exporter.forceFlush();
    for (const span of [...first, ...second]) {
      const { traceId, spanId } = span.spanContext();
      await waitFor(async () => receiver.trace(traceId).find((s) => s.spanId === spanId), { timeoutMs: 10_000, what: `span ${span.name} at the receiver` });
      expect(receiver.trace(traceId).find((s) => s.spanId === spanId)?.name).toBe(span.name);
    }
    await exporter.shutdown();
    const late = await exportOnce(exporter, spans(['too-late']));
    expect(late.code).toBe(ExportResultCode.FAILED);
    expect(late.error?.message).toMatch(/shut down/);
  });

  it('reports a batch the collector refused as failed, with the reason', async () => {
    const saved = process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = 'http://127.0.0.1:1';
    process.env['OTEL_EXPORTER_OTLP_TIMEOUT'] = '2000';
    try {
      const exporter = new WorkerSpanExporter({ workerPath: WORKER_SOURCE, execArgv: FROM_SOURCE });
      const result = await exportOnce(exporter, spans(['nowhere']));
      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(result.error?.message).toMatch(/UNAVAILABLE|ECONNREFUSED|Deadline/i);
      await exporter.shutdown();
    } finally {
      process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = saved;
      delete process.env['OTEL_EXPORTER_OTLP_TIMEOUT'];
    }
  });

  it('fails the batches of a crashed worker and starts a new one for the next batch', async () => {
    const crashing = join(tmpdir(), `crashing-export-worker-${process.pid}.js`);
    // Crashes on its first batch only: a restarted worker gets a fresh module, so the marker file decides.
    writeFileSync(
      crashing,
      `const { parentPort } = require('node:worker_threads');
       const fs = require('node:fs');
       const marker = ${JSON.stringify(crashing + '.crashed')};
       parentPort.on('message', (m) => {
         if (!fs.existsSync(marker)) { fs.writeFileSync(marker, ''); throw new Error('encoder blew up'); }
         parentPort.postMessage(m.type === 'export' ? { type: 'exported', id: m.id, ok: true } : { type: 'done', id: m.id });
       });`,
    );
    const exporter = new WorkerSpanExporter({ workerPath: crashing });
    try {
      const crashed = await exportOnce(exporter, spans(['first']));
      expect(crashed.code).toBe(ExportResultCode.FAILED);
      expect(crashed.error?.message).toMatch(/encoder blew up/);
      const next = await exportOnce(exporter, spans(['second']));
      expect(next.error?.message).toBeUndefined();
      expect(next.code).toBe(ExportResultCode.SUCCESS);
    } finally {
      await exporter.shutdown();
      rmSync(crashing, { force: true });
      rmSync(`${crashing}.crashed`, { force: true });
    }
  });
});
