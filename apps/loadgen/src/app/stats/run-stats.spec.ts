import { RunStats } from './run-stats';

describe('RunStats', () => {
  it('summarises rates, statuses, errors, drops and HDR percentiles', () => {
    const stats = new RunStats();
    for (let i = 1; i <= 1_000; i++) {
      stats.recordSent(0.5);
      stats.recordCompletion({ status: i % 100 === 0 ? 503 : 200, latencyMs: i / 10, lagMs: 0.5 });
    }
    stats.recordSent(0);
    stats.recordCompletion({ status: 0, latencyMs: 3, lagMs: 0, errorCode: 'ECONNREFUSED' });
    stats.recordDrop('concurrency_limit');

    const s = stats.summary(10);
    expect(s).toMatchObject({
      offered: 1_002,
      sent: 1_001,
      completed: 1_001,
      offeredRps: 100.2,
      achievedRps: 100.1,
      statuses: { '0': 1, '200': 990, '503': 10 },
      errors: { total: 11, byStatus: { '0': 1, '503': 10 }, byNetworkCode: { ECONNREFUSED: 1 } },
      dropped: { concurrency_limit: 1 },
    });
    // 3 significant digits: within 0.1% of the exact order statistics.
    expect(s.latencyMs.p50).toBeCloseTo(50, 0);
    expect(s.latencyMs.p90).toBeCloseTo(90, 0);
    expect(s.latencyMs.p99).toBeCloseTo(99, 0);
    expect(s.latencyMs.max).toBeCloseTo(100, 0);
    expect(s.latencyMs.p99).toBeLessThanOrEqual(s.latencyMs.max);
  });

  it('reports each interval separately and starts a fresh one', () => {
    const stats = new RunStats();
    stats.recordSent(0);
    stats.recordCompletion({ status: 404, latencyMs: 5, lagMs: 0 });
    expect(stats.takeInterval(1)).toMatchObject({ offered: 1, sent: 1, completed: 1, errors: 1, dropped: 0 });
    expect(stats.takeInterval(1)).toMatchObject({
      offered: 0,
      sent: 0,
      completed: 0,
      errors: 0,
      latency: { count: 0, p99: 0 },
    });
  });
});
