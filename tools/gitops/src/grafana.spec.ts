// The one Grafana provisioning tree: datasources correlate both ways (metrics ⇄ traces ⇄ logs), the
// dashboards refer only to provisioned datasources, and the cluster's ConfigMaps carry exactly the
// files the local run mounts.
import { readFileSync } from 'node:fs';
import { DASHBOARD_FILES, DATASOURCES_FILE, provisionedDatasources } from './lib/queries';
import { loadYamlDocuments, repoPath } from './lib/repo';

interface Correlations {
  exemplarTraceIdDestinations?: unknown;
  tracesToLogsV2: { datasourceUid: string; query: string };
  tracesToMetrics: { datasourceUid: string; queries: Array<{ query: string }> };
  serviceMap: { datasourceUid: string };
  derivedFields: Array<{ matcherType: string; matcherRegex: string; datasourceUid: string }>;
}

const byUid = new Map(provisionedDatasources().map((ds) => [ds.uid, ds]));
const jsonData = (uid: string) => (byUid.get(uid)?.jsonData ?? {}) as unknown as Correlations;

describe('Grafana datasources', () => {
  it('provisions Prometheus, Tempo, Loki and Alertmanager under fixed uids, URLs from the environment', () => {
    expect([...byUid.keys()].sort()).toEqual(['alertmanager', 'loki', 'prometheus', 'tempo']);
    for (const ds of byUid.values()) expect(ds.url).toMatch(/^\$\{[A-Z_]+_URL\}$/);
  });

  it('links Prometheus exemplars to Tempo by trace_id', () => {
    expect(jsonData('prometheus').exemplarTraceIdDestinations).toEqual([{ name: 'trace_id', datasourceUid: 'tempo' }]);
  });

  it('links a trace to its logs in Loki, its span metrics in Prometheus and the service map', () => {
    const tempo = jsonData('tempo');
    expect(tempo.tracesToLogsV2.datasourceUid).toBe('loki');
    expect(tempo.tracesToLogsV2.query).toContain('${__trace.traceId}');
    expect(tempo.tracesToMetrics.datasourceUid).toBe('prometheus');
    expect(tempo.tracesToMetrics.queries.map((q) => q.query).join(' ')).toContain('traces_spanmetrics_');
    expect(tempo.serviceMap.datasourceUid).toBe('prometheus');
  });

  it('links a log line\'s trace_id (structured metadata or JSON field) to Tempo', () => {
    const fields = jsonData('loki').derivedFields;
    expect(fields.find((f) => f.matcherType === 'label')).toMatchObject({ matcherRegex: 'trace_id', datasourceUid: 'tempo' });
    const inLine = fields.find((f) => f.matcherType === 'regex');
    const line = '{"level":30,"msg":"request completed","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"00f067aa0ba902b7"}';
    expect(new RegExp(inLine?.matcherRegex ?? '$^').exec(line)?.[1]).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('points every correlation at a provisioned datasource', () => {
    const referenced = [...JSON.stringify(provisionedDatasources()).matchAll(/"(?:datasourceUid|alertmanagerUid)":"([^"]+)"/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(5);
    for (const uid of referenced) expect(byUid.has(uid)).toBe(true);
  });
});

describe('Grafana in the cluster', () => {
  const [kustomization] = loadYamlDocuments('deploy/grafana/kustomization.yaml') as Array<{
    configMapGenerator: Array<{ name: string; options: { labels: Record<string, string> }; files: string[] }>;
  }>;
  const generator = (label: string) => kustomization.configMapGenerator.find((g) => g.options.labels[label] === '1') ?? { files: [] };

  it('loads the same datasources file through the sidecar', () => {
    expect(generator('grafana_datasource').files).toEqual([DATASOURCES_FILE.replace('deploy/grafana/', '')]);
  });

  it('loads exactly the generated dashboards through the sidecar', () => {
    expect([...generator('grafana_dashboard').files].sort()).toEqual(DASHBOARD_FILES().map((f) => f.replace('deploy/grafana/', '')).sort());
  });

  it('dashboards refer only to provisioned datasource uids', () => {
    for (const file of DASHBOARD_FILES()) {
      const uids = [...readFileSync(repoPath(file), 'utf8').matchAll(/"datasource": \{\s*"type": "[a-z]+",\s*"uid": "([^"]+)"/g)].map((m) => m[1]);
      expect(uids.length).toBeGreaterThan(0);
      for (const uid of uids) expect(byUid.has(uid)).toBe(true);
    }
  });
});
