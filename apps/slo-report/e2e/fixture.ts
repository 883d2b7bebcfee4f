// A real Prometheus holding three hours of known traffic: series are written as OpenMetrics,
// backfilled with `promtool tsdb create-blocks-from openmetrics`, and Prometheus is started on that
// directory. Recording rules evaluate at "now" over the backfilled raw counters, so every SLI window
// (the 30d one included, as the generated rules compute it from raw counters) sees the history.
import { freePort, startProcess, waitFor, waitForHttp, ManagedProcess } from '@obs/testing';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Requests per second during a stretch of the history, oldest first. */
export interface Stretch {
  readonly minutes: number;
  readonly rps: number;
  readonly errorShare?: number;
  readonly slowShare?: number;
}

const STEP_SECONDS = 15;
const HISTOGRAM = 'http_server_request_duration_seconds';

function labels(l: Record<string, string>): string {
  return `{${Object.entries(l).map(([k, v]) => `${k}="${v}"`).join(',')}}`;
}

/** OpenMetrics text for the services' HTTP counters, ending at `endSeconds`. */
export function openMetrics(traffic: Record<string, readonly Stretch[]>, endSeconds: number): string {
  const lines: string[] = [];
  for (const [service, stretches] of Object.entries(traffic)) {
    const steps = stretches.flatMap((s) => Array.from({ length: (s.minutes * 60) / STEP_SECONDS }, () => s));
    const start = endSeconds - steps.length * STEP_SECONDS;
    const series = {
      okCount: labels({ service, http_route: '/api/things', http_request_method: 'GET', http_response_status_code: '200' }),
      okFast: labels({ service, http_route: '/api/things', http_request_method: 'GET', http_response_status_code: '200', le: '0.5' }),
      errCount: labels({ service, http_route: '/api/things', http_request_method: 'GET', http_response_status_code: '500' }),
      errFast: labels({ service, http_route: '/api/things', http_request_method: 'GET', http_response_status_code: '500', le: '0.5' }),
    };
    const totals = { ok: 0, fast: 0, err: 0 };
    const rows: Array<[number, typeof totals]> = [[start, { ...totals }]];
    steps.forEach((s, i) => {
      const n = s.rps * STEP_SECONDS;
      const err = n * (s.errorShare ?? 0);
      totals.ok += n - err;
      totals.err += err;
      // slowShare of all requests are slow successes; errors are answered fast.
      totals.fast += n - err - n * (s.slowShare ?? 0);
      rows.push([start + (i + 1) * STEP_SECONDS, { ...totals }]);
    });
    for (const [name, key] of [[`${HISTOGRAM}_count${series.okCount}`, 'ok'], [`${HISTOGRAM}_bucket${series.okFast}`, 'fast'], [`${HISTOGRAM}_count${series.errCount}`, 'err'], [`${HISTOGRAM}_bucket${series.errFast}`, 'err']] as const) {
      for (const [t, v] of rows) lines.push(`${name} ${v[key]} ${t}`);
    }
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

export interface PrometheusFixture {
  readonly url: string;
  /** Replaces the rule files, reloads Prometheus (SIGHUP) as an operator would, and waits for `slos` SLOs' series. */
  loadRules(ruleFiles: readonly string[], slos: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrometheus(traffic: Record<string, readonly Stretch[]>): Promise<PrometheusFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'slo-report-e2e-'));
  const data = join(dir, 'data');
  const config = join(dir, 'prometheus.yml');
  let prometheus: ManagedProcess | undefined;
  const cleanup = async () => {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    writeFileSync(join(dir, 'series.om'), openMetrics(traffic, Math.floor(Date.now() / 1000) - 5));
    const backfill = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'series.om'), data], { encoding: 'utf8' });
    if (backfill.status !== 0) throw new Error(`backfill failed: ${backfill.stderr}`);
    // A fast evaluation interval so rules produce series within a second of a reload.
    const writeConfig = (ruleFiles: readonly string[]) =>
      writeFileSync(config, `global:\n  evaluation_interval: 1s\nrule_files: ${JSON.stringify(ruleFiles)}\n`);
    writeConfig([]);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    prometheus = startProcess('prometheus', [
      `--config.file=${config}`,
      `--storage.tsdb.path=${data}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=15d',
    ]);
    await waitForHttp(`${url}/-/ready`, { timeoutMs: 30_000 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${prometheus?.output()}`);
    });
    const started = prometheus;
    return {
      url,
      async loadRules(ruleFiles, slos) {
        writeConfig(ruleFiles);
        started.child.kill('SIGHUP');
        await waitFor(
          async () => {
            const res = await fetch(`${url}/api/v1/query?query=count(slo:period_error_budget_remaining:ratio)`);
            const body = (await res.json()) as { data: { result: unknown[] } };
            const [sample] = body.data.result as Array<{ value: [number, string] }>;
            return sample && Number(sample.value[1]) === slos ? true : undefined;
          },
          { timeoutMs: 30_000, what: `${slos} SLOs' recording rules to evaluate` },
        );
      },
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
