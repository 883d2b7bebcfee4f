// Secure by default, in every scenario of every chart: the restricted Pod Security Standard, no API
// token, bounded resources, health probes, a drain that finishes inside the grace period, and
// secrets only from Secrets.
import { configMapData, workloadOf } from './testing/manifests';
import { renderAllScenarios, type RenderedCharts } from './testing/rendered-charts';
import { SCENARIOS } from './testing/scenarios';

let charts: RenderedCharts;
beforeAll(async () => {
  charts = await renderAllScenarios();
});
afterAll(() => charts?.dispose());

const cases = SCENARIOS.map((s) => [`${s.chart.name}/${s.name}`, s.chart.name, s.name] as const);

describe.each(cases)('%s', (_label, chart, scenario) => {
  const workload = () => workloadOf(charts.objects(chart, scenario));

  it('meets the restricted Pod Security Standard', () => {
    const { pod, container } = workload();
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.securityContext['runAsUser']).toEqual(expect.any(Number));
    expect(pod.securityContext['runAsUser']).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      privileged: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext.capabilities?.add).toBeUndefined();
    expect(pod.hostNetwork ?? false).toBe(false);
    expect(pod.hostPID ?? false).toBe(false);
    expect(pod.hostIPC ?? false).toBe(false);
    expect((pod.volumes ?? []).filter((v) => v.hostPath)).toEqual([]);
    expect(pod.initContainers).toBeUndefined();
  });

  it('gives the read-only container a writable /tmp from an emptyDir', () => {
    const { pod, container } = workload();
    const mount = container.volumeMounts?.find((m) => m.mountPath === '/tmp');
    expect(mount).toBeDefined();
    expect(pod.volumes?.find((v) => v.name === mount?.name)?.emptyDir).toBeDefined();
  });

  it('mounts no service-account token', () => {
    expect(workload().pod.automountServiceAccountToken).toBe(false);
  });

  it('sets CPU and memory requests and limits', () => {
    const { resources } = workload().container;
    for (const bound of [resources.requests, resources.limits]) {
      expect(bound).toEqual({ cpu: expect.anything(), memory: expect.anything() });
    }
  });

  it('probes liveness on /healthz and readiness on /readyz through the HTTP container port', () => {
    const { container } = workload();
    expect(container.livenessProbe?.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe?.httpGet.path).toBe('/readyz');
    const portNames = container.ports.map((p) => p.name);
    for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
      expect(portNames).toContain(probe?.httpGet.port);
    }
  });

  it('drains inside the grace period: preStop pause plus SHUTDOWN_TIMEOUT_MS fits before SIGKILL', () => {
    const { pod, container } = workload();
    const pause = container.lifecycle?.preStop?.sleep?.seconds ?? 0;
    const drainMs = Number(configMapData(charts.objects(chart, scenario))['SHUTDOWN_TIMEOUT_MS']);
    expect(pause).toBeGreaterThan(0);
    expect(drainMs).toBe(10_000);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(pause + drainMs / 1000);
  });

  it('spreads replicas over nodes and zones', () => {
    const { pod, podLabels } = workload();
    const keys = (pod.topologySpreadConstraints ?? []).map((c) => c.topologyKey);
    expect(keys).toEqual(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
    for (const c of pod.topologySpreadConstraints ?? []) {
      expect(podLabels).toMatchObject(c.labelSelector.matchLabels);
    }
  });

  it('takes DATABASE_URL and ADMIN_TOKEN only from Secrets, never from plain values', () => {
    const { container } = workload();
    for (const name of ['DATABASE_URL', 'ADMIN_TOKEN']) {
      for (const env of container.env.filter((e) => e.name === name)) {
        expect(env.value).toBeUndefined();
        expect(env.valueFrom?.secretKeyRef?.name).toEqual(expect.any(String));
      }
      expect(configMapData(charts.objects(chart, scenario))).not.toHaveProperty(name);
    }
  });
});

describe('secrets and drain settings', () => {
  it('wires DATABASE_URL from the named Secret when the database is on', () => {
    const env = workloadOf(charts.objects('orders', 'database')).container.env;
    expect(env.find((e) => e.name === 'DATABASE_URL')).toEqual({
      name: 'DATABASE_URL',
      valueFrom: { secretKeyRef: { name: 'orders-database', key: 'DATABASE_URL' } },
    });
    expect(workloadOf(charts.objects('orders')).container.env.map((e) => e.name)).not.toContain(
      'DATABASE_URL',
    );
  });

  it('wires ADMIN_TOKEN from the named Secret in the prod-like scenario', () => {
    const env = workloadOf(charts.objects('loadgen', 'prod')).container.env;
    expect(env.find((e) => e.name === 'ADMIN_TOKEN')?.valueFrom?.secretKeyRef).toEqual({
      name: 'platform-admin-token',
      key: 'ADMIN_TOKEN',
    });
  });

  it('stretches the grace period with a longer drain time', () => {
    const objects = charts.workspace.render('payments', {
      set: ['shutdownTimeoutMs=45000', 'preStopSleepSeconds=8'],
    });
    const { pod, container } = workloadOf(objects);
    expect(configMapData(objects)['SHUTDOWN_TIMEOUT_MS']).toBe('45000');
    expect(container.lifecycle?.preStop?.sleep?.seconds).toBe(8);
    expect(pod.terminationGracePeriodSeconds).toBe(8 + 45 + 5);
  });
});
