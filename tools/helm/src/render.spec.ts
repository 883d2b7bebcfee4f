// Every chart lints cleanly and renders, with its defaults and every ci/ scenario, into objects that
// fit the Kubernetes and prometheus-operator schemas, with the objects each setting promises.
import { APP_CHARTS } from './charts';
import { validateObject } from './testing/k8s-models';
import { renderAllScenarios, type RenderedCharts } from './testing/rendered-charts';
import { ciScenarioNames, required, SCENARIOS, single } from './testing/scenarios';

let charts: RenderedCharts;
beforeAll(async () => {
  charts = await renderAllScenarios();
});
afterAll(() => charts?.dispose());

const objectsOf = (chart: string, scenario: string) => charts.objects(chart, scenario);

describe.each(APP_CHARTS.map((c) => [c.name, c] as const))('%s chart', (name, chart) => {
  it('ships the prod-like and minimal scenarios, and hpa/database where they apply', () => {
    const expected = name === 'loadgen' ? ['minimal', 'prod'] : ['database', 'hpa', 'minimal', 'prod'];
    expect(ciScenarioNames(chart)).toEqual(expected);
  });

  it.each(['default', ...ciScenarioNames(chart)])('passes helm lint --strict with %s values', (scenario) => {
    const valuesFiles = scenario === 'default' ? [] : [`ci/${scenario}-values.yaml`];
    const lint = charts.workspace.lint(name, { valuesFiles });
    expect(lint.stderr + lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(lint.status).toBe(0);
  });

  it.each(['default', ...ciScenarioNames(chart)])(
    'renders %s values into schema-valid objects',
    async (scenario) => {
      const objects = objectsOf(name, scenario);
      expect(objects.length).toBeGreaterThanOrEqual(3);
      for (const obj of objects) await validateObject(obj);
    },
  );
});

it('lints the library chart itself', () => {
  const lint = charts.workspace.lint('service-lib');
  expect(lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  expect(lint.status).toBe(0);
});

it('refuses clusters older than 1.30, which lack the native preStop sleep', () => {
  for (const chart of APP_CHARTS) {
    const old = charts.workspace.helm([
      'template',
      chart.name,
      charts.workspace.chartDir(chart.name),
      '--kube-version',
      '1.29.3',
    ]);
    expect(old.stderr).toContain(
      'chart requires kubeVersion: >=1.30.0-0 which is incompatible with Kubernetes v1.29.3',
    );
    const current = charts.workspace.helm([
      'template',
      chart.name,
      charts.workspace.chartDir(chart.name),
      '--kube-version',
      '1.30.0',
    ]);
    expect(current.status).toBe(0);
  }
});

describe('objects per scenario', () => {
  it('renders the full set for a service with defaults', () => {
    const kinds = objectsOf('orders', 'default')
      .map((o) => o.kind)
      .sort();
    expect(kinds).toEqual([
      'ConfigMap',
      'Deployment',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'PrometheusRule',
      'Service',
      'ServiceAccount',
      'ServiceMonitor',
    ]);
  });

  it('renders a PDB only with two or more replicas', () => {
    for (const s of SCENARIOS) {
      const objects = objectsOf(s.chart.name, s.name);
      const hpa = single(objects, 'HorizontalPodAutoscaler');
      const spec = required(objects, 'Deployment')['spec'] as { replicas?: number };
      const min = hpa ? (hpa['spec'] as { minReplicas: number }).minReplicas : (spec.replicas ?? 1);
      expect({
        scenario: `${s.chart.name}/${s.name}`,
        pdb: Boolean(single(objects, 'PodDisruptionBudget')),
      }).toEqual({
        scenario: `${s.chart.name}/${s.name}`,
        pdb: min >= 2,
      });
    }
    expect(single(objectsOf('loadgen', 'default'), 'PodDisruptionBudget')).toBeUndefined();
    expect(single(objectsOf('users', 'minimal'), 'PodDisruptionBudget')).toBeUndefined();
  });

  it('with the HPA on, scales the Deployment on CPU and leaves replicas to it', () => {
    for (const chart of ['orders', 'payments', 'users']) {
      const objects = objectsOf(chart, 'hpa');
      const hpa = required(objects, 'HorizontalPodAutoscaler');
      const deployment = required(objects, 'Deployment');
      expect(deployment['spec']).not.toHaveProperty('replicas');
      expect(hpa['spec']).toMatchObject({
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } },
          },
        ],
      });
      expect(single(objectsOf(chart, 'default'), 'HorizontalPodAutoscaler')).toBeUndefined();
    }
  });

  it('the minimal scenario drops monitoring, NetworkPolicy and the own ServiceAccount', () => {
    const kinds = objectsOf('payments', 'minimal')
      .map((o) => o.kind)
      .sort();
    expect(kinds).toEqual(['ConfigMap', 'Deployment', 'Service']);
    const pod = (
      required(objectsOf('payments', 'minimal'), 'Deployment')['spec'] as { template: { spec: object } }
    ).template.spec;
    expect(pod).toMatchObject({ serviceAccountName: 'default', automountServiceAccountToken: false });
  });

  it('loadgen has no SLO rules and no gRPC port', () => {
    const objects = objectsOf('loadgen', 'default');
    expect(single(objects, 'PrometheusRule')).toBeUndefined();
    const ports = (required(objects, 'Service')['spec'] as { ports: { name: string; port: number }[] }).ports;
    expect(ports).toEqual([expect.objectContaining({ name: 'http', port: 8090 })]);
  });
});

describe('schema validation', () => {
  it('is not a formality: an ill-typed field fails with its path', async () => {
    const deployment = structuredClone(required(objectsOf('users', 'default'), 'Deployment'));
    const pod = (
      deployment['spec'] as { template: { spec: { containers: { ports: { containerPort: unknown }[] }[] } } }
    ).template.spec;
    const port = pod.containers[0]?.ports[0];
    if (!port) throw new Error('the users container has no port');
    port.containerPort = 'http';
    await expect(validateObject(deployment)).rejects.toThrow(
      /Deployment\/users .*spec\/template\/spec\/containers\/0\/ports\/0\/containerPort must be integer/,
    );
  });
});
