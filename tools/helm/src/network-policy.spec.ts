// The NetworkPolicies of the four charts, evaluated together over a model cluster, allow exactly
// the calls of DESIGN.md and nothing else: REST from the load generator and the ingress namespace,
// orders → users and payments over gRPC, scrapes from monitoring, and DNS and OTLP egress.
import { APP_CHARTS } from './charts';
import type { K8sObject } from './testing/k8s-models';
import { workloadOf } from './testing/manifests';
import { allowedConnections, policyOf, type Pod } from './testing/network-policy';
import { renderAllScenarios, type RenderedCharts } from './testing/rendered-charts';
import { required } from './testing/scenarios';

let charts: RenderedCharts;
beforeAll(async () => {
  charts = await renderAllScenarios();
});
afterAll(() => charts?.dispose());

const NAMESPACE = 'apps';
const SERVICES = ['orders', 'payments', 'users'];
const APPS = [...SERVICES, 'loadgen'];

/** Pods outside the apps namespace, labelled as the charts' default values expect them. */
const INFRA: Pod[] = [
  {
    id: 'ingress',
    namespace: 'ingress',
    labels: { 'app.kubernetes.io/name': 'ingress-controller' },
    ports: {},
  },
  {
    id: 'prometheus',
    namespace: 'monitoring',
    labels: { 'app.kubernetes.io/name': 'prometheus' },
    ports: {},
  },
  {
    id: 'collector',
    namespace: 'monitoring',
    labels: { 'app.kubernetes.io/name': 'opentelemetry-collector' },
    ports: { otlp: { port: 4317, protocol: 'TCP' } },
  },
  {
    id: 'dns',
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    ports: { dns: { port: 53, protocol: 'UDP' }, 'dns-tcp': { port: 53, protocol: 'TCP' } },
  },
  {
    id: 'postgres',
    namespace: 'databases',
    labels: { 'cnpg.io/cluster': 'platform-postgres' },
    ports: { postgres: { port: 5432, protocol: 'TCP' } },
  },
  // A pod of the apps namespace that is not one of ours must not reach the services.
  { id: 'intruder', namespace: NAMESPACE, labels: { 'app.kubernetes.io/name': 'intruder' }, ports: {} },
];

function appPod(name: string, objects: readonly K8sObject[]): Pod {
  const { podLabels, container } = workloadOf(objects);
  const ports = Object.fromEntries(
    container.ports.map((p) => [p.name, { port: p.containerPort, protocol: p.protocol as 'TCP' | 'UDP' }]),
  );
  return { id: name, namespace: NAMESPACE, labels: podLabels, ports };
}

function connections(scenarioOf: (chart: string) => string): string[] {
  const rendered = APP_CHARTS.map((c) => ({
    name: c.name,
    objects: charts.objects(c.name, scenarioOf(c.name)),
  }));
  const pods = [...rendered.map((r) => appPod(r.name, r.objects)), ...INFRA];
  const policies = rendered.map((r) => policyOf(required(r.objects, 'NetworkPolicy'), NAMESPACE));
  // Connections between pods that are not ours are outside the charts' say.
  return allowedConnections(pods, policies).filter((c) =>
    APPS.some((app) => c.startsWith(`${app} `) || c.includes(`> ${app}:`)),
  );
}

const BASELINE = [
  ...APPS.flatMap((app) => [
    `${app} -> collector:otlp`,
    `${app} -> dns:dns`,
    `${app} -> dns:dns-tcp`,
    `ingress -> ${app}:http`,
    `prometheus -> ${app}:http`,
  ]),
  ...SERVICES.map((svc) => `loadgen -> ${svc}:http`),
  'orders -> payments:grpc',
  'orders -> users:grpc',
];

describe('NetworkPolicies of the four charts together', () => {
  it('allow exactly the calls of DESIGN.md with default values', () => {
    expect(connections(() => 'default')).toEqual([...BASELINE].sort());
  });

  it('add only the database egress when the database is on', () => {
    const scenario = (chart: string) => (chart === 'loadgen' ? 'default' : 'database');
    const expected = [...BASELINE, ...SERVICES.map((svc) => `${svc} -> postgres:postgres`)].sort();
    expect(connections(scenario)).toEqual(expected);
  });

  it('stay default-deny when nothing is allowed: no rule without peers slips through', () => {
    charts.workspace.writeFile(
      'users',
      'no-callers.yaml',
      'networkPolicy:\n  ingressNamespace: ""\n  monitoringNamespace: ""\n  restClients: []\n  grpcClients: []\n',
    );
    const objects = charts.workspace.render('users', { valuesFiles: ['no-callers.yaml'] });
    const policy = policyOf(required(objects, 'NetworkPolicy'), NAMESPACE);
    const pods = [appPod('users', objects), ...INFRA, appPod('orders', charts.objects('orders'))];
    const reachingUsers = allowedConnections(pods, [policy]).filter((c) => c.includes('> users:'));
    expect(reachingUsers).toEqual([]);
  });
});

describe('the policy evaluator', () => {
  it('treats a rule without peers as allowing everyone, as Kubernetes does', () => {
    const [target, source] = [
      {
        id: 'target',
        namespace: NAMESPACE,
        labels: { app: 'target' },
        ports: { http: { port: 80, protocol: 'TCP' as const } },
      },
      { id: 'anyone', namespace: 'elsewhere', labels: {}, ports: {} },
    ];
    const open = {
      namespace: NAMESPACE,
      spec: {
        podSelector: { matchLabels: { app: 'target' } },
        policyTypes: ['Ingress' as const],
        ingress: [{}],
      },
    };
    const closed = { ...open, spec: { ...open.spec, ingress: [] } };
    expect(allowedConnections([target, source], [open])).toEqual(['anyone -> target:http']);
    expect(allowedConnections([target, source], [closed])).toEqual([]);
  });
});
