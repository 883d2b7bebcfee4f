// The e2e copies of the local Prometheus and Alertmanager configs are valid for the real binaries
// and keep what the suite relies on: the cluster's `service` labels, the e2e rules, the test's ports.
import { AMTOOL, describeWithBinaries, PROMTOOL } from '@obs/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderAlertmanagerConfig, renderPrometheusConfig } from './monitoring-configs';

const targets = [
  { service: 'orders', port: 41001 },
  { service: 'payments', port: 41002 },
  { service: 'users', port: 41003 },
  { service: 'loadgen', port: 41004 },
];

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'platform-e2e-configs-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeWithBinaries([PROMTOOL, AMTOOL], 'the e2e monitoring configs', () => {
  it('give Prometheus every app under its service label, the short-window rules and the test Alertmanager', () => {
    const text = renderPrometheusConfig({ targets, prometheusPort: 41005, alertmanagerPort: 41006 });
    const file = join(dir, 'prometheus.yml');
    writeFileSync(file, text);
    // promtool also loads and checks every rule file the config names.
    const checked = execFileSync('promtool', ['check', 'config', file], { encoding: 'utf8' });
    expect(checked).toMatch(/rules-e2e/);

    const config = parse(text);
    expect(config.rule_files).toEqual([expect.stringMatching(/deploy\/local\/rules-e2e\/\*\.rules\.yml$/)]);
    expect(config.alerting.alertmanagers[0].static_configs[0].targets).toEqual(['127.0.0.1:41006']);
    const groups = config.scrape_configs.flatMap((job: { static_configs: unknown[] }) => job.static_configs);
    for (const { service, port } of targets) {
      expect(groups).toContainEqual({ targets: [`127.0.0.1:${port}`], labels: { service } });
    }
  });

  it('refuse a service the local config does not scrape', () => {
    expect(() =>
      renderPrometheusConfig({ targets: [...targets, { service: 'inventory', port: 1 }], prometheusPort: 2, alertmanagerPort: 3 }),
    ).toThrow(/inventory/);
  });

  it('leave out the services the suite does not start', () => {
    const config = parse(renderPrometheusConfig({ targets: targets.slice(0, 2), prometheusPort: 41005, alertmanagerPort: 41006 }));
    const services = config.scrape_configs.flatMap((job: { static_configs: { labels?: { service?: string } }[] }) =>
      job.static_configs.map((g) => g.labels?.service).filter(Boolean),
    );
    expect(services.sort()).toEqual(['orders', 'payments']);
  });

  it('send every Alertmanager notification to the test webhook within seconds', () => {
    const text = renderAlertmanagerConfig(41007);
    const file = join(dir, 'alertmanager.yml');
    writeFileSync(file, text);
    execFileSync('amtool', ['check-config', file], { encoding: 'utf8' });

    const config = parse(text);
    const urls = config.receivers.flatMap((r: { webhook_configs?: { url: string }[] }) => (r.webhook_configs ?? []).map((w) => w.url));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:41007\//);
    expect(config.route.group_wait).toBe('1s');
    expect(config.route.group_interval).toBe('5s');
  });
});
