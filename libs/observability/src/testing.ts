// Test helpers of @obs/observability (second entry, not for production code): span exporters a test
// can read, the tracing preload that uses one, and parsers for what a service prints and serves.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportedSpan } from './lib/tracing/json-lines-span-exporter';

export {
  JsonLinesSpanExporter,
  toExportedSpan,
  type ExportedSpan,
} from './lib/tracing/json-lines-span-exporter';
export { installInMemoryTracing, type InMemoryTracing } from './lib/tracing/in-memory-tracing';

/** `node -r @swc-node/register -r TEST_TRACING_PRELOAD main.ts` with OBS_TEST_SPANS_FILE set. */
export const TEST_TRACING_PRELOAD = join(__dirname, 'testing-tracing-preload.ts');

/** The production preload, loadable from TypeScript through @swc-node/register. */
export const TRACING_PRELOAD = join(__dirname, 'instrumentation.ts');

export function readExportedSpans(file: string): ExportedSpan[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ExportedSpan);
}

export type LogLine = Record<string, unknown> & { msg?: string; trace_id?: string; span_id?: string };

/** The JSON log lines in a process's output; other lines (e.g. a runtime warning) are skipped. */
export function parseLogLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
}

export const OPENMETRICS_ACCEPT =
  'application/openmetrics-text;version=1.0.0;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';

/** GET /metrics as Prometheus asks for it (OpenMetrics) or as curl does (classic text). */
export async function scrape(
  baseUrl: string,
  format: 'openmetrics' | 'classic',
): Promise<{ contentType: string; body: string }> {
  const res = await fetch(`${baseUrl}/metrics`, {
    headers: format === 'openmetrics' ? { accept: OPENMETRICS_ACCEPT } : {},
  });
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}`);
  return { contentType: res.headers.get('content-type') ?? '', body: await res.text() };
}

export interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
  readonly exemplar?: { labels: Record<string, string>; value: number };
}

function parseLabels(text: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const match of (text ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[match[1]] = match[2];
  return labels;
}

/** Samples of one family (e.g. `http_server_request_duration_seconds_count`) from either format. */
export function samples(body: string, name: string): Sample[] {
  const result: Sample[] = [];
  const line = /^(\w+)(?:\{([^}]*)\})? (\S+)(?: # \{([^}]*)\} (\S+))?/;
  for (const text of body.split('\n')) {
    const m = line.exec(text);
    if (!m || m[1] !== name) continue;
    result.push({
      name: m[1],
      labels: parseLabels(m[2]),
      value: Number(m[3]),
      ...(m[4] !== undefined ? { exemplar: { labels: parseLabels(m[4]), value: Number(m[5]) } } : {}),
    });
  }
  return result;
}
