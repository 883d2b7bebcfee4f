// The e2e copies of deploy/local/prometheus.yml and deploy/local/alertmanager.yml: the same scrape
// labels, routing tree and receivers, with free ports instead of the fixed local ones, the
// short-window SLO rules (deploy/local/rules-e2e) instead of the real ones, and timings short enough
// for an alert to fire and resolve within the suite.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export const workspaceRoot = join(__dirname, '..', '..', '..', '..');
export const localDeployDir = join(workspaceRoot, 'deploy', 'local');

export interface ScrapeTarget {
  readonly service: string;
  readonly port: number;
}

export interface PrometheusConfigOptions {
  readonly targets: readonly ScrapeTarget[];
  readonly prometheusPort: number;
  readonly alertmanagerPort: number;
  /** The suite needs rate() windows of a minute to fill quickly; DESIGN allows ≤ 15 s. */
  readonly scrapeInterval?: string;
  readonly evaluationInterval?: string;
}

interface StaticConfig {
  targets: string[];
  labels?: Record<string, string>;
}
interface ScrapeConfig {
  job_name: string;
  static_configs: StaticConfig[];
}
interface PrometheusConfig {
  global: Record<string, unknown>;
  rule_files: string[];
  alerting: { alertmanagers: { static_configs: StaticConfig[] }[] };
  scrape_configs: ScrapeConfig[];
}

export function renderPrometheusConfig(options: PrometheusConfigOptions): string {
  const config = parse(readFileSync(join(localDeployDir, 'prometheus.yml'), 'utf8')) as PrometheusConfig;
  config.global = {
    ...config.global,
    scrape_interval: options.scrapeInterval ?? '5s',
    evaluation_interval: options.evaluationInterval ?? '5s',
  };
  // Loaded instead of rules/, never next to it: both record the same series.
  config.rule_files = [join(localDeployDir, 'rules-e2e', '*.rules.yml')];
  config.alerting.alertmanagers = [{ static_configs: [{ targets: [`127.0.0.1:${options.alertmanagerPort}`] }] }];
  const byService = new Map(options.targets.map((t) => [t.service, t.port]));
  const scraped = new Set(config.scrape_configs.flatMap((j) => j.static_configs.map((g) => g.labels?.['service'])));
  for (const job of config.scrape_configs) {
    // A service the suite does not start (say, one added by the service generator) is left out
    // rather than scraped on a port nobody owns.
    job.static_configs = job.static_configs.filter((g) => g.labels?.['service'] === undefined || byService.has(g.labels['service']));
    for (const group of job.static_configs) {
      const service = group.labels?.['service'];
      if (service !== undefined) group.targets = [`127.0.0.1:${byService.get(service)}`];
      else if (job.job_name === 'prometheus') group.targets = [`127.0.0.1:${options.prometheusPort}`];
    }
  }
  const unknown = options.targets.filter((t) => !scraped.has(t.service));
  if (unknown.length > 0) throw new Error(`deploy/local/prometheus.yml scrapes no ${unknown.map((t) => t.service).join(', ')}`);
  return stringify(config);
}

interface Route {
  group_wait?: string;
  group_interval?: string;
  routes?: Route[];
}

/** Short group_wait/group_interval on every route that sets them, so notifications come in seconds. */
function shortenTimings(route: Route, isRoot: boolean): void {
  if (isRoot || route.group_wait !== undefined) route.group_wait = '1s';
  if (isRoot || route.group_interval !== undefined) route.group_interval = '5s';
  for (const child of route.routes ?? []) shortenTimings(child, false);
}

export function renderAlertmanagerConfig(webhookPort: number): string {
  const source = readFileSync(join(localDeployDir, 'alertmanager.yml'), 'utf8');
  if (!source.includes('127.0.0.1:9099')) throw new Error('deploy/local/alertmanager.yml no longer sends to the local sink 127.0.0.1:9099');
  const config = parse(source.replaceAll('127.0.0.1:9099', `127.0.0.1:${webhookPort}`)) as { route: Route };
  shortenTimings(config.route, true);
  return stringify(config);
}
