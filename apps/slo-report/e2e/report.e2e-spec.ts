// The built slo-report CLI against a real Prometheus holding three hours of known traffic and the
// committed SLO rules: the printed figures equal the hand-computed ones, and the exit code gates CI.
import { PROMETHEUS, PROMTOOL, describeWithBinaries, freePort } from '@obs/testing';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PrometheusFixture, startPrometheus } from './fixture';

const root = join(__dirname, '..', '..', '..');
const main = join(root, 'dist', 'apps', 'slo-report', 'main.js');
const rulesDir = join(root, 'deploy', 'local', 'rules');

function report(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Table rows keyed by "service/slo", each a map from column header to cell. */
function parseTable(text: string): Map<string, Record<string, string>> {
  const [header, ...rows] = text.trim().split('\n').filter((l) => l.trim() !== '' && !l.startsWith('firing'));
  const columns = header.split(/\s{2,}/);
  return new Map(
    rows.map((row) => {
      const cells = row.split(/\s{2,}/);
      const record = Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
      return [`${record['SERVICE']}/${record['SLO']}`, record];
    }),
  );
}

describeWithBinaries([PROMETHEUS, PROMTOOL], 'slo-report against a real Prometheus', () => {
  let prometheus: PrometheusFixture;

  beforeAll(async () => {
    prometheus = await startPrometheus({
      // 0.05 % errors and 0.5 % slow requests all along: half of each budget spent.
      orders: [{ minutes: 180, rps: 10, errorShare: 0.0005, slowShare: 0.005 }],
      // Clean for 90 minutes, then 10 % errors: 5 % over the whole history, 50 times the budget.
      payments: [{ minutes: 90, rps: 10 }, { minutes: 90, rps: 10, errorShare: 0.1 }],
      // Scraped, but no requests at all.
      users: [{ minutes: 180, rps: 0 }],
    });
  });

  afterAll(async () => {
    await prometheus?.stop();
  });

  it('says clearly when the SLO rules are not loaded, and exits 1', () => {
    const { code, stderr, stdout } = report('--url', prometheus.url);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no SLO rules loaded/);
    expect(stderr).toMatch(/deploy\/local\/rules/);
  });

  it('says clearly when Prometheus is unreachable, and exits 1', async () => {
    const { code, stderr } = report('--url', `http://127.0.0.1:${await freePort()}`);
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  describe('with the generated rules loaded', () => {
    beforeAll(async () => {
      const files = readdirSync(rulesDir).map((f) => join(rulesDir, f));
      await prometheus.loadRules(files, 6);
    });

    it('prints the hand-computed figures per service and SLO, and exits 2 because a budget is exhausted', () => {
      const { code, stdout } = report('--url', prometheus.url);
      expect(code).toBe(2);
      const rows = parseTable(stdout);
      expect([...rows.keys()]).toEqual([
        'orders/availability',
        'orders/latency',
        'payments/availability',
        'payments/latency',
        'users/availability',
        'users/latency',
      ]);
      expect(rows.get('orders/availability')).toMatchObject({
        OBJECTIVE: '99.90%', 'SLI (30d)': '99.950%', 'BUDGET LEFT': '50.0%', 'BURN 5m': '0.50', 'BURN 1h': '0.50', 'BURN 3d': '0.50', STATUS: 'OK',
      });
      expect(rows.get('orders/latency')).toMatchObject({
        OBJECTIVE: '99.00%', 'SLI (30d)': '99.500%', 'BUDGET LEFT': '50.0%', 'BURN 5m': '0.50', 'BURN 6h': '0.50', STATUS: 'OK',
      });
      expect(rows.get('payments/availability')).toMatchObject({
        'SLI (30d)': '95.000%', 'BUDGET LEFT': '-4900.0%', 'BURN 5m': '100.00', 'BURN 1h': '100.00', 'BURN 6h': '50.00', 'BURN 3d': '50.00', STATUS: 'EXHAUSTED',
      });
      expect(rows.get('payments/latency')).toMatchObject({ 'SLI (30d)': '100.000%', 'BUDGET LEFT': '100.0%', 'BURN 1h': '0.00', STATUS: 'OK' });
      expect(rows.get('users/availability')).toMatchObject({ 'SLI (30d)': 'n/a', 'BUDGET LEFT': '100.0%', 'BURN 5m': 'n/a', STATUS: 'NO-DATA' });
    });

    it('prints the same figures as JSON with --json', () => {
      const { code, stdout } = report('--url', prometheus.url, '--json');
      expect(code).toBe(2);
      const body = JSON.parse(stdout) as { exhausted: boolean; slos: Array<Record<string, unknown> & { burnRates: Record<string, number> }> };
      expect(body.exhausted).toBe(true);
      const payments = body.slos.find((s) => s['id'] === 'payments-availability');
      expect(payments).toMatchObject({ service: 'payments', slo: 'availability', objective: 0.999, period: '30d', status: 'exhausted' });
      expect(payments?.['sli']).toBeCloseTo(0.95, 9);
      expect(payments?.['budgetRemaining']).toBeCloseTo(-49, 6);
      expect(payments?.burnRates['5m']).toBeCloseTo(100, 6);
      expect(payments?.burnRates['1d']).toBeCloseTo(50, 6);
      const users = body.slos.find((s) => s['id'] === 'users-latency');
      expect(users).toMatchObject({ sli: null, budgetRemaining: 1, burnRates: {}, status: 'no-data' });
    });

    it('exits 0 when the selected services still have budget', () => {
      const { code, stdout } = report('--url', prometheus.url, '--service', 'orders');
      expect(code).toBe(0);
      expect([...parseTable(stdout).keys()]).toEqual(['orders/availability', 'orders/latency']);
    });

    it('rejects an unknown service with the known ones, and exits 1', () => {
      const { code, stderr } = report('--url', prometheus.url, '--service', 'nope');
      expect(code).toBe(1);
      expect(stderr).toMatch(/no SLOs for service nope \(known: orders, payments, users\)/);
    });
  });
});
