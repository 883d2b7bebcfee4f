import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportInWorker, otlpTraceExporter } from './trace-exporter';
import { WorkerSpanExporter } from './worker-span-exporter';

describe('where spans are exported from', () => {
  it('is a worker thread unless OBS_TRACE_EXPORT_WORKER says false', () => {
    expect(exportInWorker({})).toBe(true);
    expect(exportInWorker({ OBS_TRACE_EXPORT_WORKER: 'true' })).toBe(true);
    expect(exportInWorker({ OBS_TRACE_EXPORT_WORKER: ' FALSE ' })).toBe(false);
  });

  it('refuses any other value, naming the variable', () => {
    expect(() => exportInWorker({ OBS_TRACE_EXPORT_WORKER: 'yes' })).toThrow('OBS_TRACE_EXPORT_WORKER: expected true or false, got "yes"');
  });

  it('uses the built worker beside the preload, and the main thread when told to or when there is none', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'obs-dist-'));
    try {
      expect(otlpTraceExporter({}, dist)).toBeInstanceOf(OTLPTraceExporter);
      writeFileSync(join(dist, 'span-export-worker.js'), '');
      const inWorker = otlpTraceExporter({}, dist);
      expect(inWorker).toBeInstanceOf(WorkerSpanExporter);
      await inWorker.shutdown();
      expect(otlpTraceExporter({ OBS_TRACE_EXPORT_WORKER: 'false' }, dist)).toBeInstanceOf(OTLPTraceExporter);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
