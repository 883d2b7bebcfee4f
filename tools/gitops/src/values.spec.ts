// What the per-environment values promise: exemplars and the remote-write receiver in Prometheus,
// selectors that pick up our charts' objects, Loki's OTLP ingestion with trace_id as structured
// metadata (monolithic in dev, simple scalable in prod), Tempo's span metrics and service graphs with
// exemplars, the collector's pipelines, and app values the charts' own schemas accept.
import Ajv from 'ajv';
import { existsSync } from 'node:fs';
import { APPS, STACK } from './argocd/stack';
import { ENVIRONMENTS, Environment } from './argocd/settings';
import { at, mergeValues, Values } from './lib/merge';
import { listFiles, loadYaml, loadYamlDocuments, repoPath } from './lib/repo';

const load = (file: string): Values => (existsSync(repoPath(file)) ? (loadYaml<Values>(file) ?? {}) : {});
const valuesOf = (env: Environment, name: string): Values => mergeValues(load(`deploy/values/common/${name}.yaml`), load(`deploy/values/${env}/${name}.yaml`));

describe.each(ENVIRONMENTS)('%s values', (env) => {
  it('Prometheus stores exemplars, accepts remote write and selects every ServiceMonitor and PrometheusRule', () => {
    const spec = at(valuesOf(env, 'kube-prometheus-stack'), 'prometheus.prometheusSpec') as Values;
    expect(spec['enableFeatures']).toContain('exemplar-storage');
    expect(spec['enableRemoteWriteReceiver']).toBe(true);
    for (const kind of ['rule', 'serviceMonitor', 'podMonitor']) {
      expect(spec[`${kind}SelectorNilUsesHelmValues`]).toBe(false);
      expect(spec[`${kind}Selector`]).toEqual({});
      expect(spec[`${kind}NamespaceSelector`]).toEqual({});
    }
  });

  it('Alertmanager runs deploy/alertmanager/alertmanager.yml with receiver credentials mounted from a Secret', () => {
    const spec = at(valuesOf(env, 'kube-prometheus-stack'), 'alertmanager.alertmanagerSpec') as Values;
    const [kustomization] = loadYamlDocuments('deploy/alertmanager/kustomization.yaml') as Array<{ secretGenerator: Array<{ name: string; files: string[] }> }>;
    expect(kustomization.secretGenerator[0]).toEqual({ name: spec['configSecret'], files: ['alertmanager.yaml=alertmanager.yml'] });
    expect(spec['secrets']).toEqual(['alertmanager-receivers']);
  });

  it('Grafana gets every URL the shared datasources file reads', () => {
    const env_ = at(valuesOf(env, 'kube-prometheus-stack'), 'grafana.env') as Values;
    const provisioning = JSON.stringify(loadYaml('deploy/grafana/provisioning/datasources/datasources.yaml'));
    const needed = [...new Set([...provisioning.matchAll(/\$\{([A-Z_]+)\}/g)].map((m) => m[1]))];
    expect(needed.sort()).toEqual(['ALERTMANAGER_URL', 'LOKI_URL', 'PROMETHEUS_URL', 'TEMPO_URL']);
    for (const name of needed) expect(env_[name]).toMatch(/^http:\/\/[a-z0-9.-]+(:\d+)?$/);
  });

  it('Loki ingests OTLP and keeps trace_id as structured metadata, in the mode of the environment', () => {
    const loki = valuesOf(env, 'loki');
    expect(loki['deploymentMode']).toBe(env === 'dev' ? 'SingleBinary' : 'SimpleScalable');
    const [schema] = at(loki, 'loki.schemaConfig.configs') as Array<{ object_store: string; schema: string }>;
    expect(schema).toMatchObject({ object_store: at(loki, 'loki.storage.type'), schema: 'v13' });
    expect(at(loki, 'loki.limits_config.allow_structured_metadata')).toBe(true);
    const logAttributes = at(loki, 'loki.limits_config.otlp_config.log_attributes') as Array<{ action: string; attributes: string[] }>;
    expect(logAttributes.find((a) => a.action === 'structured_metadata')?.attributes).toContain('trace_id');
  });

  it('Tempo generates span metrics and service graphs and remote-writes them with exemplars to Prometheus', () => {
    const tempo = valuesOf(env, 'tempo');
    const base = env === 'dev' ? 'tempo.' : '';
    const processors = at(tempo, `${base}overrides.defaults.metrics_generator.processors`);
    expect(processors).toEqual(expect.arrayContaining(['service-graphs', 'span-metrics']));
    const remoteWrite = at(tempo, env === 'dev' ? 'tempo.metricsGenerator.storage.remote_write' : 'metricsGenerator.config.storage.remote_write') as Array<Values>;
    expect(remoteWrite).toEqual([{ url: 'http://kps-prometheus.monitoring.svc:9090/api/v1/write', send_exemplars: true }]);
  });

  it('the collector sends traces to Tempo and logs (OTLP and pod log files) to Loki over OTLP, with k8s attributes', () => {
    const otel = valuesOf(env, 'opentelemetry-collector');
    const pipelines = at(otel, 'config.service.pipelines') as Record<string, { receivers: string[]; processors: string[]; exporters: string[] }>;
    expect(pipelines['traces'].exporters).toEqual(['otlp/tempo']);
    expect(pipelines['logs']).toMatchObject({ receivers: ['otlp', 'filelog'], exporters: ['otlphttp/loki'] });
    for (const p of [pipelines['traces'], pipelines['logs']]) expect(p.processors).toContain('k8sattributes');
    expect(at(otel, 'config.exporters.otlphttp/loki.endpoint')).toMatch(/loki-gateway\..*\/otlp$/);
    expect(at(otel, 'presets.logsCollection.enabled')).toBe(true);
    expect(at(otel, 'presets.kubernetesAttributes.enabled')).toBe(true);
  });

  it('every in-cluster address names a Service one of the releases creates', () => {
    const releases = STACK.filter((c) => c.chart).map((c) => valuesOf(env, c.valuesName ?? c.name));
    const fullnames = releases.map((v) => v['fullnameOverride']).filter((n): n is string => typeof n === 'string');
    expect(fullnames.sort()).toEqual(['kps', 'loki', 'opentelemetry-collector', 'tempo']);
    const everything = JSON.stringify([...releases, ...APPS.map((app) => mergeValues(load(`helm/${app}/values.yaml`), valuesOf(env, app)))]);
    const hosts = [...new Set([...everything.matchAll(/([a-z0-9-]+)\.monitoring\.svc/g)].map((m) => m[1]))];
    expect(hosts.length).toBeGreaterThanOrEqual(5);
    for (const host of hosts) expect(fullnames.some((name) => host === name || host.startsWith(`${name}-`))).toBe(true);
  });

  it.each(APPS)('%s values pass the chart\'s values.schema.json merged over its defaults', (app) => {
    const schema = loadYaml<object>(`helm/${app}/values.schema.json`);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const merged = mergeValues(load(`helm/${app}/values.yaml`), valuesOf(env, app));
    validate(merged);
    expect(validate.errors ?? []).toEqual([]);
  });
});

describe('namespaces', () => {
  const namespaces = loadYamlDocuments('deploy/argocd/namespaces/namespaces.yaml') as Array<{ metadata: { name: string; labels: Record<string, string> } }>;

  it('enforce the restricted Pod Security Standard where the services run', () => {
    const platform = namespaces.find((n) => n.metadata.name === 'platform');
    expect(platform?.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('audit and warn at restricted everywhere', () => {
    for (const ns of namespaces) {
      expect(ns.metadata.labels['pod-security.kubernetes.io/audit']).toBe('restricted');
      expect(ns.metadata.labels['pod-security.kubernetes.io/warn']).toBe('restricted');
    }
  });
});

describe('no Promtail', () => {
  it('nothing in deploy/ ships logs with Promtail (end of life); the collector does', () => {
    const mentions = listFiles('deploy', /\.(ya?ml|json)$/).filter((f) => /promtail/i.test(JSON.stringify(loadYamlDocuments(f))));
    expect(mentions).toEqual([]);
  });
});
