// Alertmanager routing and inhibition, checked by Alertmanager's own tools: amtool validates both
// configurations and resolves each route case; the local configuration keeps the cluster's tree, and
// the cluster's receivers read every credential from a mounted file.
import { AMTOOL, describeWithBinaries } from '@obs/testing';
import { spawnSync } from 'node:child_process';
import { repoPath } from './lib/repo';
import { CLUSTER_CONFIG, LOCAL_CONFIG, LOCAL_SINK, loadAlertmanagerConfig, ROUTE_CASES } from './lib/alertmanager-config';

const cluster = loadAlertmanagerConfig(CLUSTER_CONFIG);
const local = loadAlertmanagerConfig(LOCAL_CONFIG);

describe('Alertmanager configuration', () => {
  it('local variant has exactly the cluster\'s routing tree and inhibitions', () => {
    expect(local.route).toEqual(cluster.route);
    expect(local.inhibit_rules).toEqual(cluster.inhibit_rules);
    expect(local.receivers.map((r) => r.name)).toEqual(cluster.receivers.map((r) => r.name));
  });

  it('local receivers are webhooks to the local sink, one path per receiver', () => {
    for (const receiver of local.receivers) {
      expect(Object.keys(receiver).sort()).toEqual(['name', 'webhook_configs']);
      expect(receiver['webhook_configs'].map((w) => w['url'])).toEqual([`http://${LOCAL_SINK}/${receiver.name}`]);
    }
  });

  it('cluster receivers take every credential from a file mounted from the Secret', () => {
    const text = JSON.stringify(cluster.receivers);
    expect(text).not.toMatch(/"(routing_key|service_key|api_url|auth_password|api_key|credentials)":/);
    const files = [...text.matchAll(/"[a-z_]+_file":"([^"]+)"/g)].map((m) => m[1]);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(file).toMatch(/^\/etc\/alertmanager\/secrets\/alertmanager-receivers\/[a-z-]+$/);
  });

  it('groups by alertname and service, and gives Watchdog a short repeat', () => {
    expect(cluster.route['group_by']).toEqual(['alertname', 'service']);
    const watchdog = (cluster.route['routes'] as Array<Record<string, unknown>>).find((r) => String(r['matchers']).includes('Watchdog'));
    expect(watchdog).toMatchObject({ receiver: 'heartbeat', repeat_interval: '1m' });
  });
});

function amtool(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(AMTOOL.binary, args, { encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describeWithBinaries([AMTOOL], 'amtool', () => {
  it.each([CLUSTER_CONFIG, LOCAL_CONFIG])('check-config accepts %s', (file) => {
    const run = amtool(['check-config', repoPath(file)]);
    expect(run.stdout + run.stderr).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });

  const cases = [CLUSTER_CONFIG, LOCAL_CONFIG].flatMap((file) => ROUTE_CASES.map((c) => [file, c.why, c] as const));
  it.each(cases)('%s routes: %s', (file, _why, { labels, receivers }) => {
    const run = amtool(['config', 'routes', 'test', `--config.file=${repoPath(file)}`, `--verify.receivers=${receivers.join(',')}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)]);
    expect(run.stdout.trim()).toBe(receivers.join(','));
    expect(run.status).toBe(0);
  });

  it('amtool catches a wrong expectation (the test above can fail)', () => {
    const run = amtool(['config', 'routes', 'test', `--config.file=${repoPath(CLUSTER_CONFIG)}`, '--verify.receivers=email', 'severity=critical']);
    expect(run.status).not.toBe(0);
  });
});
