// The CLI as a real process: progress lines, the final summary (text and --json), usage errors, and a
// clean stop on SIGINT.
import { startProcess, waitFor } from '@obs/testing';
import { join } from 'node:path';
import { LocalTarget, startLocalTarget } from '../src/app/testing/local-target';

const root = join(__dirname, '..', '..', '..');

function cli(args: string[]) {
  return startProcess(
    process.execPath,
    ['--require', '@swc-node/register', 'apps/loadgen/src/cli.ts', ...args],
    {
      cwd: root,
      env: { PATH: process.env.PATH, SWC_NODE_PROJECT: 'apps/loadgen/tsconfig.app.json' },
    },
  );
}

async function exitOf(p: ReturnType<typeof cli>): Promise<number | null> {
  return new Promise((resolve) => {
    if (p.child.exitCode !== null) resolve(p.child.exitCode);
    else p.child.once('exit', (code) => resolve(code));
  });
}

describe('loadgen CLI', () => {
  let target: LocalTarget;
  beforeAll(async () => {
    target = await startLocalTarget();
  });
  afterAll(() => target?.close());

  it('prints one progress line per second and a JSON summary with rates, statuses and percentiles', async () => {
    const run = cli(['--rps', '100', '--duration', '3s', '--target', `${target.url}/api/orders`, '--json']);
    expect(await exitOf(run)).toBe(0);
    const lines = run.output().trim().split('\n');
    const summary = JSON.parse(lines.find((l) => l.startsWith('{')) ?? '{}');
    expect(summary).toMatchObject({
      offered: 300,
      sent: 300,
      completed: 300,
      statuses: { '200': 300 },
      errors: { total: 0 },
    });
    expect(Math.abs(summary.achievedRps - 100)).toBeLessThan(2);
    for (const key of ['p50', 'p90', 'p99', 'max']) expect(summary.latencyMs[key]).toBeGreaterThan(0);
    expect(lines.filter((l) => /^\[\s*\d+s\] offered/.test(l)).length).toBeGreaterThanOrEqual(3);
    expect(target.recorded().some((r) => r.url === '/api/orders')).toBe(true);
  });

  it('prints a readable summary with errors by status when the target is down', async () => {
    const run = cli(['--rps', '20', '--duration', '1s', '--target', 'http://127.0.0.1:9']);
    expect(await exitOf(run)).toBe(0);
    expect(run.output()).toMatch(/errors\s+20 \(0=20; ECONNREFUSED=20\)/);
    expect(run.output()).toMatch(/latency\s+p50 .* p90 .* p99 .* max/);
  });

  it('exits 2 with a usage message on bad flags', async () => {
    const run = cli(['--rps', 'fast', '--target', target.url]);
    expect(await exitOf(run)).toBe(2);
    expect(run.output()).toContain('--rps');
    expect(run.output()).toContain('Usage:');
  });

  it('stops early on SIGINT and still prints the summary', async () => {
    const run = cli(['--rps', '50', '--duration', '60s', '--target', target.url, '--json']);
    await waitFor(async () => (/\[\s*1s\]/.test(run.output()) ? true : undefined), {
      what: 'first progress line',
    });
    run.child.kill('SIGINT');
    expect(await exitOf(run)).toBe(0);
    const summary = JSON.parse(
      run
        .output()
        .split('\n')
        .find((l) => l.startsWith('{')) ?? '{}',
    );
    expect(summary.sent).toBeGreaterThan(0);
    expect(summary.sent).toBeLessThan(60 * 50);
    expect(summary.durationSeconds).toBeLessThan(30);
  });
});
