import { overheadRows, targetVerdicts } from './overhead-table';
import type { ClientRun, OverheadResult } from './types';

const run = (rps: number, p50Ms = 1, p99Ms = 10): ClientRun => ({ rps, p50Ms, p99Ms, non2xx: 0, errors: 0 });

const result = (c: number[]): OverheadResult => ({
  connections: 32,
  warmupSeconds: 1,
  seconds: 5,
  rounds: 3,
  baseline: 'a',
  endpoints: ['GET /x'],
  variants: [
    { id: 'a', label: '(a)', how: '', runs: { 'GET /x': [run(1000, 2, 20), run(800, 2, 20), run(1200, 2, 20)] } },
    { id: 'b', label: '(b)', how: '', runs: { 'GET /x': [run(1100), run(720), run(1200)] } },
    { id: 'c', label: '(c)', how: '', runs: { 'GET /x': c.map((rps) => run(rps, 3, 30)) } },
    { id: 'd', label: '(d)', how: '', runs: { 'GET /x': [run(500), run(400), run(600)] } },
  ],
  exporter: {},
  logBytes: {},
});

describe('overheadRows', () => {
  it('takes medians per variant and ratios to the baseline round by round', () => {
    const rows = overheadRows(result([900, 760, 1020]), 'GET /x');
    const c = rows.find((r) => r.id === 'c');
    expect(c?.rps).toBe(900);
    // Per round: 0.9, 0.95, 0.85 → median 0.9, range 0.85–0.95.
    expect(c?.rpsRatio).toBeCloseTo(0.9);
    expect(c?.rpsRatioRange?.min).toBeCloseTo(0.85);
    expect(c?.rpsRatioRange?.max).toBeCloseTo(0.95);
    expect(c?.p50Ratio).toBeCloseTo(1.5);
    expect(c?.p99Ratio).toBeCloseTo(1.5);
    expect(rows.find((r) => r.id === 'a')?.rpsRatio).toBe(1);
  });

  it('judges the target: (c) at 90% of (a) or more and ahead of (d)', () => {
    expect(targetVerdicts(result([900, 760, 1020]))[0]).toMatchObject({ meetsNinety: true, aheadOfD: true });
    expect(targetVerdicts(result([700, 600, 800]))[0]).toMatchObject({ meetsNinety: false, aheadOfD: true });
  });

  it("reports the control's ratio, (b) against (a) round by round", () => {
    // Per round: 1.1, 0.9, 1.0 → median 1.0.
    expect(targetVerdicts(result([900, 760, 1020]))[0].controlRatio).toBeCloseTo(1.0);
  });
});
