import { renderReport, toJson } from './report';
import type { BenchResult, ClientRun } from './types';

const run = (rps: number, p50Ms: number, p99Ms: number): ClientRun => ({ rps, p50Ms, p99Ms, non2xx: 0, errors: 0 });

const result: BenchResult = {
  generatedAt: '2026-11-22T04:00:00.000Z',
  command: 'npm run bench',
  durationSeconds: 412.3,
  machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 8, kernel: 'Linux 6', node: 'v24.9.0', commit: 'abc1234', versions: { autocannon: '9.0.0' } },
  load: { start: 3, end: 5, min: 2.5, max: 7.25 },
  overhead: {
    connections: 32,
    warmupSeconds: 1,
    seconds: 5,
    rounds: 2,
    baseline: 'a',
    endpoints: ['GET /api/orders/:id'],
    variants: [
      { id: 'a', label: '(a) no observability', how: 'no preload', runs: { 'GET /api/orders/:id': [run(1000, 10, 40), run(1100, 10, 40)] } },
      { id: 'b', label: '(b) metrics only', how: 'no preload', runs: { 'GET /api/orders/:id': [run(1050, 10, 40), run(1045, 10, 40)] } },
      { id: 'c', label: '(c) everything on', how: 'preload', runs: { 'GET /api/orders/:id': [run(920, 11, 44), run(1023, 11, 44)] } },
      { id: 'd', label: '(d) auto-instrumentations-node', how: 'auto', runs: { 'GET /api/orders/:id': [run(500, 20, 80), run(550, 20, 80)] } },
    ],
    exporter: { traces: { requests: 10, bytes: 2 * 2 ** 20 } },
    logBytes: { c: 3 * 2 ** 20 },
  },
  loadgen: {
    seconds: 10,
    warmupSeconds: 2,
    runs: [{ offeredRps: 1000, achievedRps: 990, steadyRps: 1000, completed: 9900, dropped: 0, errors: 0, lagP99Ms: 1.5, latencyP99Ms: 3 }],
    loadgenMaxRps: 1000,
    autocannon: { connections: 100, rps: 4000, p99Ms: 50 },
  },
  allocation: {
    nodeOptions: ['--trace-gc-nvp', '--max-semi-space-size=16'],
    connections: 32,
    warmupRequests: 5000,
    requests: 20000,
    variants: [
      { id: 'a', label: '(a) no observability', endpoints: { 'GET /api/orders/:id': { kibPerRequest: 60, collections: 70 } } },
      { id: 'b', label: '(b) metrics only', endpoints: { 'GET /api/orders/:id': { kibPerRequest: 59.5, collections: 70 } } },
      { id: 'c', label: '(c) everything on', endpoints: { 'GET /api/orders/:id': { kibPerRequest: 69, collections: 80 } } },
    ],
  },
  footprint: [{ app: 'orders', readyMs: 4200, idleMiB: 120, loadMiB: 180, loadDescription: 'part 1' }],
  commands: { 'part 3, loadgen': 'node -r @swc-node/register apps/loadgen/src/cli.ts --rps <rate>' },
  notes: [],
};

describe('renderReport', () => {
  const md = renderReport(result);

  it('states the machine, versions and how noisy the run was', () => {
    expect(md).toContain('| CPU | Test CPU × 2 (shared) |');
    expect(md).toContain('autocannon 9.0.0');
    expect(md).toContain('2.5–7.25 sampled every 5 s');
  });

  it('shows medians and per-round ratios against (a), and judges the target', () => {
    expect(md).toContain('| (c) everything on | 972 | 93% (92%–93%) | 11.0 | ×1.10 | 44.0 | ×1.10 | 0 |');
    expect(md).toContain('- GET /api/orders/:id: (c) at 93% of (a) — met; ahead of (d). Control: (b) at 100%.');
    expect(md).toContain('shows what this run can resolve');
  });

  it('reports the heap each variant allocates per request, and what it adds over (a)', () => {
    expect(md).toContain('| variant | GET /api/orders/:id KiB/req | over (a) |');
    expect(md).toContain('| (a) no observability | 60.00 |  |');
    expect(md).toContain('| (c) everything on | 69.00 | +9.00 KiB (+15%) |');
    expect(md).toContain('| (b) metrics only | 59.50 | -0.50 KiB (-1%) |');
    expect(md).toContain('`node --trace-gc-nvp --max-semi-space-size=16`');
    expect(md).toContain('after 5000 warm-up requests, 20000 requests');
  });

  it('reports the load generator against autocannon, the footprint and the commands', () => {
    expect(md).toContain('| 1000 | 990 | 99% | 1000 | 1.5 | 3.0 | 0 | 0 |');
    expect(md).toContain('loadgen reaches 25% of autocannon');
    expect(md).toContain('| orders | 4.2 s | 120 MiB | 180 MiB | part 1 |');
    expect(md).toContain('- part 3, loadgen: `node -r @swc-node/register apps/loadgen/src/cli.ts --rps <rate>`');
    // Parts that were not run are left out rather than rendered empty.
    expect(md).not.toContain('## 2. POST /api/orders');
  });

  it('writes JSON with fractions rounded to four places', () => {
    const json = JSON.parse(toJson({ ...result, durationSeconds: 412.123456 })) as BenchResult;
    expect(json.durationSeconds).toBe(412.1235);
  });
});
