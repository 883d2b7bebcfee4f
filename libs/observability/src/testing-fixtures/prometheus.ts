// A throwaway Prometheus (the Debian binary) scraping one target every second, with exemplar
// storage on, for tests that check what a real scraper makes of /metrics.
import { freePort, ManagedProcess, startProcess, waitForHttp } from '@obs/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPrometheus {
  readonly url: string;
  readonly process: ManagedProcess;
  dispose(): Promise<void>;
}

export async function startPrometheus(target: string): Promise<TestPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'obs-prometheus-'));
  const port = await freePort();
  const config = [
    'global:',
    '  scrape_interval: 1s',
    'scrape_configs:',
    '  - job_name: fixture',
    '    static_configs:',
    `      - targets: ['${target}']`,
    '        labels: { service: fixture }',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'prometheus.yml'), config);
  const child = startProcess('prometheus', [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--enable-feature=exemplar-storage',
  ]);
  const prometheus: TestPrometheus = {
    url: `http://127.0.0.1:${port}`,
    process: child,
    async dispose() {
      await child.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitForHttp(`${prometheus.url}/-/ready`);
  } catch (error) {
    await prometheus.dispose();
    throw new Error(`prometheus did not start: ${String(error)}\n${child.output()}`);
  }
  return prometheus;
}

interface ApiResponse<T> {
  status: string;
  data: T;
}

export async function prometheusApi<T>(
  prometheus: TestPrometheus,
  path: string,
  params: Record<string, string>,
): Promise<T> {
  const res = await fetch(`${prometheus.url}${path}?${new URLSearchParams(params)}`);
  const body = (await res.json()) as ApiResponse<T>;
  if (body.status !== 'success') throw new Error(`${path} failed: ${JSON.stringify(body)}`);
  return body.data;
}
