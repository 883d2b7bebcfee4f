// Collects every query the platform ships: dashboard panel targets and variables, the datasources'
// correlation queries, and Prometheus rule expressions (with the names of recording rules).
import { readFileSync } from 'node:fs';
import { labelValuesSelector } from './query-languages';
import { listFiles, loadYaml, loadYamlDocuments, repoPath } from './repo';

export type Language = 'promql' | 'logql' | 'traceql';

export interface ShippedQuery {
  readonly where: string;
  readonly language: Language;
  readonly expr: string;
}

interface Target {
  datasource?: { type?: string };
  expr?: string;
  query?: string;
  queryType?: string;
}
interface Panel {
  title?: string;
  datasource?: { type?: string };
  targets?: Target[];
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  panels?: Panel[];
  templating?: { list?: Array<{ name: string; type: string; query?: string | { query?: string } }> };
}

export const DASHBOARD_FILES = (): string[] => listFiles('deploy/grafana/dashboards', /\.json$/);

export function dashboardQueries(): ShippedQuery[] {
  const found: ShippedQuery[] = [];
  for (const file of DASHBOARD_FILES()) {
    const dashboard = JSON.parse(readFileSync(repoPath(file), 'utf8')) as Dashboard;
    const panels = (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
    for (const panel of panels) {
      for (const target of panel.targets ?? []) {
        const type = target.datasource?.type ?? panel.datasource?.type;
        const where = `${file} "${panel.title ?? '?'}"`;
        if (type === 'prometheus' && target.expr) found.push({ where, language: 'promql', expr: target.expr });
        if (type === 'loki' && target.expr) found.push({ where, language: 'logql', expr: target.expr });
        if (type === 'tempo' && target.queryType === 'traceql' && target.query) found.push({ where, language: 'traceql', expr: target.query });
      }
    }
    for (const variable of dashboard.templating?.list ?? []) {
      const query = typeof variable.query === 'string' ? variable.query : variable.query?.query;
      const selector = variable.type === 'query' && query ? labelValuesSelector(query) : undefined;
      if (selector) found.push({ where: `${file} variable $${variable.name}`, language: 'promql', expr: selector });
    }
  }
  return found;
}

export const DATASOURCES_FILE = 'deploy/grafana/provisioning/datasources/datasources.yaml';

export interface ProvisionedDatasource {
  name: string;
  uid: string;
  type: string;
  url: string;
  jsonData?: Record<string, unknown>;
}

export function provisionedDatasources(): ProvisionedDatasource[] {
  return loadYaml<{ datasources: ProvisionedDatasource[] }>(DATASOURCES_FILE).datasources;
}

export function datasourceQueries(): ShippedQuery[] {
  const found: ShippedQuery[] = [];
  for (const ds of provisionedDatasources()) {
    const toLogs = ds.jsonData?.['tracesToLogsV2'] as { query?: string } | undefined;
    if (toLogs?.query) found.push({ where: `${ds.name} traces → logs`, language: 'logql', expr: toLogs.query });
    const toMetrics = ds.jsonData?.['tracesToMetrics'] as { queries?: Array<{ name: string; query: string }> } | undefined;
    for (const q of toMetrics?.queries ?? []) found.push({ where: `${ds.name} traces → metrics "${q.name}"`, language: 'promql', expr: q.query });
  }
  return found;
}

interface RuleGroupFile {
  groups?: Array<{ name: string; rules?: Array<{ record?: string; alert?: string; expr: string }> }>;
}

/** Prometheus rule files in the repo: the local run's and the ones the app charts ship. */
export function ruleFiles(): string[] {
  return [
    ...listFiles('deploy/local', /\.ya?ml$/).filter((f) => /\/rules[^/]*\//.test(f)),
    ...listFiles('helm', /\.ya?ml$/).filter((f) => /^helm\/[^/]+\/rules\//.test(f)),
  ];
}

export function ruleQueries(): { queries: ShippedQuery[]; recorded: Set<string> } {
  const queries: ShippedQuery[] = [];
  const recorded = new Set<string>();
  for (const file of ruleFiles()) {
    for (const doc of loadYamlDocuments(file) as RuleGroupFile[]) {
      for (const group of doc?.groups ?? []) {
        for (const rule of group.rules ?? []) {
          if (rule.record) recorded.add(rule.record);
          queries.push({ where: `${file} ${rule.record ?? rule.alert}`, language: 'promql', expr: String(rule.expr) });
        }
      }
    }
  }
  return { queries, recorded };
}
