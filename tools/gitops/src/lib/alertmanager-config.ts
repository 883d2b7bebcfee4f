// The two Alertmanager configurations: deploy/alertmanager/alertmanager.yml (the source, cluster)
// and deploy/local/alertmanager.yml (the same tree, webhooks on 127.0.0.1:9099).
import { loadYaml } from './repo';

export const CLUSTER_CONFIG = 'deploy/alertmanager/alertmanager.yml';
export const LOCAL_CONFIG = 'deploy/local/alertmanager.yml';
/** The address every local receiver posts to; an end-to-end test replaces it with its own sink. */
export const LOCAL_SINK = '127.0.0.1:9099';

export interface AlertmanagerConfig {
  global?: Record<string, unknown>;
  route: Record<string, unknown>;
  inhibit_rules: Array<{ source_matchers: string[]; target_matchers: string[]; equal: string[] }>;
  receivers: Array<{ name: string } & Record<string, Array<Record<string, unknown>>>>;
}

export const loadAlertmanagerConfig = (file: string): AlertmanagerConfig => loadYaml<AlertmanagerConfig>(file);

/** Labels of an alert → the receivers it reaches, in order. The table both configs are tested with. */
export const ROUTE_CASES: ReadonlyArray<{ labels: Record<string, string>; receivers: string[]; why: string }> = [
  { labels: { alertname: 'Watchdog', severity: 'none' }, receivers: ['heartbeat'], why: 'the dead man\'s switch' },
  { labels: { alertname: 'ServiceDown', severity: 'critical', service: 'orders' }, receivers: ['pager'], why: 'critical pages' },
  { labels: { alertname: 'HighLatency', severity: 'warning', service: 'orders' }, receivers: ['chat'], why: 'warnings go to chat' },
  { labels: { alertname: 'CertificateExpiring', severity: 'info', service: 'users' }, receivers: ['email'], why: 'info goes to email' },
  {
    labels: { alertname: 'AvailabilityErrorBudgetBurn', severity: 'critical', category: 'slo', service: 'payments', sloth_slo: 'availability' },
    receivers: ['pager', 'slo'],
    why: 'a fast SLO burn pages and is recorded in the SLO channel',
  },
  {
    labels: { alertname: 'LatencyErrorBudgetBurn', severity: 'warning', category: 'slo', service: 'payments', sloth_slo: 'latency' },
    receivers: ['slo'],
    why: 'a slow SLO burn is a ticket in the SLO channel',
  },
  { labels: { alertname: 'Unlabelled' }, receivers: ['chat'], why: 'anything else falls back to chat' },
];
