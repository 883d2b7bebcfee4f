// Where finished spans are encoded and sent from. By default a worker thread does it
// (OBS_TRACE_EXPORT_WORKER=true), so the event loop that serves requests only hands batches over;
// OBS_TRACE_EXPORT_WORKER=false keeps the plain in-process OTLP exporter.
import { diag } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WorkerSpanExporter } from './worker-span-exporter';

export const EXPORT_WORKER_VARIABLE = 'OBS_TRACE_EXPORT_WORKER';

/** true unless the variable says false; anything but true/false throws, naming the variable. */
export function exportInWorker(env: NodeJS.ProcessEnv): boolean {
  const value = (env[EXPORT_WORKER_VARIABLE] ?? '').trim().toLowerCase();
  if (value === '' || value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`${EXPORT_WORKER_VARIABLE}: expected true or false, got "${env[EXPORT_WORKER_VARIABLE]}"`);
}

/**
 * The worker script next to this code: the built one beside dist/apps/<app>/instrumentation.js, or,
 * when the library runs from source (tests, `-r @swc-node/register`), the TypeScript one, which
 * needs the parent's Node options to load.
 */
function workerScript(directory: string): { workerPath: string; execArgv: string[] } | undefined {
  const built = join(directory, 'span-export-worker.js');
  if (existsSync(built)) return { workerPath: built, execArgv: [] };
  const source = join(directory, 'span-export-worker.ts');
  if (existsSync(source)) return { workerPath: source, execArgv: process.execArgv };
  return undefined;
}

export function otlpTraceExporter(env: NodeJS.ProcessEnv, directory = __dirname): SpanExporter {
  if (!exportInWorker(env)) return new OTLPTraceExporter();
  const script = workerScript(directory);
  if (script) return new WorkerSpanExporter(script);
  diag.warn(`span-export-worker.js is not beside ${directory}; spans are exported from the main thread`);
  return new OTLPTraceExporter();
}
