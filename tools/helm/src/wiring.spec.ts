// The objects of a chart fit together: selectors select the pods, named ports exist, the config the
// app reads matches the ports Kubernetes routes to, scraping keeps exemplars and the `service`
// label, and traces carry the pod's identity.
import type { K8sObject } from './testing/k8s-models';
import { configMapData, selects, workloadOf } from './testing/manifests';
import { renderAllScenarios, type RenderedCharts } from './testing/rendered-charts';
import { required, SCENARIOS, single } from './testing/scenarios';

let charts: RenderedCharts;
beforeAll(async () => {
  charts = await renderAllScenarios();
});
afterAll(() => charts?.dispose());

interface ServicePort {
  name: string;
  port: number;
  targetPort: string | number;
}

const servicePorts = (objects: readonly K8sObject[]): ServicePort[] =>
  (required(objects, 'Service')['spec'] as { ports: ServicePort[] }).ports;

describe.each(SCENARIOS.map((s) => [`${s.chart.name}/${s.name}`, s] as const))('%s', (_label, s) => {
  const objects = () => charts.objects(s.chart.name, s.name);

  it('selects its own pods from the Deployment, Service, PDB and NetworkPolicy, by name and instance only', () => {
    const { selector, podLabels } = workloadOf(objects());
    expect(Object.keys(selector).sort()).toEqual(['app.kubernetes.io/instance', 'app.kubernetes.io/name']);
    expect(selects(selector, podLabels)).toBe(true);
    expect(
      selects(
        (required(objects(), 'Service')['spec'] as { selector: Record<string, string> }).selector,
        podLabels,
      ),
    ).toBe(true);
    for (const kind of ['PodDisruptionBudget', 'NetworkPolicy']) {
      const obj = single(objects(), kind);
      const spec = obj?.['spec'] as
        | {
            selector?: { matchLabels: Record<string, string> };
            podSelector?: { matchLabels: Record<string, string> };
          }
        | undefined;
      const matchLabels = spec?.selector?.matchLabels ?? spec?.podSelector?.matchLabels;
      if (obj)
        expect({ kind, selects: selects(matchLabels ?? {}, podLabels) }).toEqual({ kind, selects: true });
    }
  });

  it('puts the recommended app.kubernetes.io labels on every object', () => {
    for (const obj of objects()) {
      expect(obj.metadata.labels).toMatchObject({
        'app.kubernetes.io/name': s.chart.name,
        'app.kubernetes.io/instance': s.chart.name,
        'app.kubernetes.io/version': expect.any(String),
        'app.kubernetes.io/component': expect.any(String),
        'app.kubernetes.io/part-of': 'obs-platform',
        'app.kubernetes.io/managed-by': 'Helm',
      });
    }
  });

  it('routes Service ports to named container ports, and tells the app the same ports', () => {
    const { container } = workloadOf(objects());
    const byName = new Map(container.ports.map((p) => [p.name, p.containerPort]));
    for (const port of servicePorts(objects())) {
      expect(byName.get(String(port.targetPort))).toBe(port.port);
    }
    const config = configMapData(objects());
    expect(config['PORT']).toBe(String(byName.get('http')));
    expect(config['GRPC_PORT']).toBe(byName.has('grpc') ? String(byName.get('grpc')) : undefined);
    expect(container.envFrom).toEqual([
      { configMapRef: { name: required(objects(), 'ConfigMap').metadata.name } },
    ]);
  });

  it('only names container ports in its NetworkPolicy ingress rules', () => {
    const policy = single(objects(), 'NetworkPolicy');
    if (!policy) return;
    const names = workloadOf(objects()).container.ports.map((p) => p.name);
    const rules = (policy['spec'] as { ingress?: { ports: { port: string | number }[] }[] }).ingress ?? [];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) for (const p of rule.ports) expect(names).toContain(p.port);
  });

  it('scrapes /metrics on the Service http port in OpenMetrics (exemplars) with service=<name>', () => {
    const monitor = single(objects(), 'ServiceMonitor');
    if (!monitor) return;
    const spec = monitor['spec'] as {
      selector: { matchLabels: Record<string, string> };
      scrapeProtocols: string[];
      endpoints: { port: string; path: string; relabelings: object[] }[];
    };
    const service = required(objects(), 'Service');
    expect(selects(spec.selector.matchLabels, service.metadata.labels ?? {})).toBe(true);
    expect(spec.scrapeProtocols[0]).toBe('OpenMetricsText1.0.0');
    expect(spec.endpoints).toHaveLength(1);
    expect(servicePorts(objects()).map((p) => p.name)).toContain(spec.endpoints[0]?.port);
    expect(spec.endpoints[0]).toMatchObject({
      path: '/metrics',
      relabelings: [{ action: 'replace', targetLabel: 'service', replacement: s.chart.name }],
    });
  });

  it('exports OpenTelemetry data as the service, with pod, namespace, node and version', () => {
    const { container, deployment } = workloadOf(objects());
    const env = new Map(container.env.map((e, i) => [e.name, { ...e, index: i }]));
    const tag = container.image.split(':').pop();
    expect(env.get('OTEL_SERVICE_NAME')?.value).toBe(s.chart.name);
    expect(env.get('OTEL_EXPORTER_OTLP_ENDPOINT')?.value).toMatch(/^http:\/\/[a-z0-9.-]+:4317$/);
    const attributes = env.get('OTEL_RESOURCE_ATTRIBUTES');
    expect(attributes?.value?.split(',')).toEqual(
      expect.arrayContaining([
        'k8s.pod.name=$(POD_NAME)',
        'k8s.namespace.name=$(POD_NAMESPACE)',
        'k8s.node.name=$(NODE_NAME)',
        `service.version=${tag}`,
      ]),
    );
    expect(deployment.metadata.labels?.['app.kubernetes.io/version']).toBe(tag);
    // $(VAR) only expands variables defined earlier in the list.
    for (const [name, field] of [
      ['POD_NAME', 'metadata.name'],
      ['POD_NAMESPACE', 'metadata.namespace'],
      ['NODE_NAME', 'spec.nodeName'],
    ] as const) {
      expect(env.get(name)?.valueFrom?.fieldRef?.fieldPath).toBe(field);
      expect(env.get(name)?.index).toBeLessThan(attributes?.index ?? -1);
    }
  });
});

describe('names', () => {
  it('uses the release name alone when it names the service, <release>-<service> otherwise', () => {
    expect(required(charts.objects('users'), 'Service').metadata.name).toBe('users');
    const blue = charts.workspace.render('users', { release: 'blue' });
    for (const obj of blue) expect(obj.metadata.name).toBe('blue-users');
    const hpa = charts.workspace.render('users', { release: 'blue', valuesFiles: ['ci/hpa-values.yaml'] });
    expect(
      (required(hpa, 'HorizontalPodAutoscaler')['spec'] as { scaleTargetRef: { name: string } })
        .scaleTargetRef.name,
    ).toBe('blue-users');
  });
});
