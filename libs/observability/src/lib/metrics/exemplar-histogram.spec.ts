import { Histogram, Registry } from 'prom-client';
import { ExemplarHistogram } from './exemplar-histogram';

const BUCKETS = [0.005, 0.1, 1];
const trace = (n: number) => ({ trace_id: String(n).repeat(32).slice(0, 32), span_id: String(n).repeat(16).slice(0, 16) });

function openMetricsRegistry(): Registry {
  const registry = new Registry();
  registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE as never);
  return registry;
}

/** Exemplar timestamps are wall-clock; everything else must match byte for byte. */
const withoutTimestamps = (text: string) => text.replace(/(# \{[^}]*\} \S+) \d+(\.\d+)?$/gm, '$1 <ts>');

describe('ExemplarHistogram', () => {
  const observations: [Record<string, string | number>, number, ReturnType<typeof trace> | undefined][] = [
    [{ method: 'GET', route: '/a', status: 200 }, 0.003, trace(1)],
    [{ method: 'GET', route: '/a', status: 200 }, 0.1, undefined], // exactly on a bound
    [{ method: 'GET', route: '/a', status: 200 }, 0.04, trace(2)],
    [{ method: 'POST', route: '/a', status: 500 }, 7, trace(3)], // above the last bound: +Inf only
    [{ method: 'GET', route: '/a', status: 200 }, 0, trace(4)], // replaces trace(1) in the first bucket
    [{ method: 'GET', route: '/b' }, 0.5, undefined], // a label left out
  ];

  it('renders exactly what prom-client renders for the same observations, exemplars included', async () => {
    const ours = openMetricsRegistry();
    const theirs = openMetricsRegistry();
    const fast = new ExemplarHistogram({ name: 'req_seconds', help: 'h', labelNames: ['method', 'route', 'status'], buckets: BUCKETS, registers: [ours] });
    const reference = new Histogram({ name: 'req_seconds', help: 'h', labelNames: ['method', 'route', 'status'], buckets: BUCKETS, registers: [theirs], enableExemplars: true });
    for (const [labels, value, exemplar] of observations) {
      fast.observe(labels, value, exemplar);
      // prom-client types exemplar labels as the metric's own labels; at runtime it takes any set.
      reference.observe({ labels, value, ...(exemplar ? { exemplarLabels: exemplar as never } : {}) });
    }
    const rendered = await ours.metrics();
    expect(withoutTimestamps(rendered)).toBe(withoutTimestamps(await theirs.metrics()));
    expect(rendered).toMatch(/^req_seconds_bucket\{le="0.005",method="GET",route="\/a",status="200"\} 2 # \{trace_id="4{32}",span_id="4{16}"\} 0 \d+/m);
    expect(rendered).toMatch(/^req_seconds_bucket\{le="\+Inf",method="POST",route="\/a",status="500"\} 1 # \{trace_id="3{32}",span_id="3{16}"\} 7 /m);
    expect(rendered).toMatch(/^req_seconds_count\{method="GET",route="\/a",status="200"\} 4$/m);
  });

  it('answers get() like prom-client, so code reading values keeps working', async () => {
    const registry = openMetricsRegistry();
    const fast = new ExemplarHistogram({ name: 'x_seconds', help: 'h', labelNames: ['rpc_method'], buckets: BUCKETS, registers: [registry] });
    fast.observe({ rpc_method: 'Get' }, 0.2);
    const data = await registry.getSingleMetric('x_seconds')?.get();
    expect(data?.type).toBe('histogram');
    const count = data?.values.find((v) => (v as { metricName?: string }).metricName === 'x_seconds_count');
    expect(count).toMatchObject({ labels: { rpc_method: 'Get' }, value: 1 });
    const sum = data?.values.find((v) => (v as { metricName?: string }).metricName === 'x_seconds_sum');
    expect(sum?.value).toBeCloseTo(0.2);
  });

  it('rejects a label it was not declared with, even when the declared ones match an existing series', () => {
    const fast = new ExemplarHistogram({ name: 'y_seconds', help: 'h', labelNames: ['route'], buckets: BUCKETS });
    fast.observe({ route: '/a' }, 0.1);
    expect(() => fast.observe({ route: '/a', user: 'u1' } as never, 0.1)).toThrow(/"user" is not included/);
    expect(() => fast.observe({ user: 'u1' } as never, 0.1)).toThrow(/"user" is not included/);
  });

  it('rejects values that are not finite numbers and keeps what it had', async () => {
    const registry = openMetricsRegistry();
    const fast = new ExemplarHistogram({ name: 'z_seconds', help: 'h', labelNames: ['route'], buckets: BUCKETS, registers: [registry] });
    fast.observe({ route: '/a' }, 0.1);
    expect(() => fast.observe({ route: '/a' }, Number.NaN)).toThrow(TypeError);
    expect(() => fast.observe({ route: '/a' }, Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(await registry.metrics()).toMatch(/^z_seconds_count\{route="\/a"\} 1$/m);
  });

  it('refuses buckets out of order and a label named le, as Prometheus would misread both', () => {
    expect(() => new ExemplarHistogram({ name: 'b', help: 'h', labelNames: [], buckets: [1, 0.5] })).toThrow(/ascending/);
    expect(() => new ExemplarHistogram({ name: 'c', help: 'h', labelNames: ['le'], buckets: [1] })).toThrow(/"le"/);
  });

  it('forgets every series on reset (registry.resetMetrics)', async () => {
    const registry = openMetricsRegistry();
    const fast = new ExemplarHistogram({ name: 'r_seconds', help: 'h', labelNames: ['route'], buckets: BUCKETS, registers: [registry] });
    fast.observe({ route: '/a' }, 0.1);
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('r_seconds_count');
  });
});
