// The engine against real local HTTP servers: rate accuracy, a dead target, a hung target, trace
// context on the wire, and the mix's bodies reaching the services.
import { Registry } from 'prom-client';
import { freePort } from '@obs/testing';
import { seededRng } from '../clock/rng';
import { DEFAULT_RUNTIME_CONFIG, RuntimeConfig } from '../config/runtime-config';
import { ensureTracing } from '../http/ensure-tracing';
import { LocalTarget, startLocalTarget } from '../testing/local-target';
import { PromLoadgenTelemetry, registryMetricFactory } from '../telemetry/prom-loadgen-telemetry';
import { LoadEngine } from './load-engine';
import { FixedPlanner, MixPlanner } from './planners';

const flat = (overrides: Partial<RuntimeConfig> = {}): RuntimeConfig => ({
  ...DEFAULT_RUNTIME_CONFIG,
  diurnal: { enabled: false, dayMinutes: 60 },
  burst: { ...DEFAULT_RUNTIME_CONFIG.burst, probability: 0 },
  ...overrides,
});

const targets: LocalTarget[] = [];
afterAll(async () => {
  await Promise.all(targets.map((t) => t.close()));
});

async function target(...args: Parameters<typeof startLocalTarget>): Promise<LocalTarget> {
  const t = await startLocalTarget(...args);
  targets.push(t);
  return t;
}

function fixed(url: string) {
  return () => new FixedPlanner({ target: url, path: '/', method: 'GET' });
}

beforeAll(() => ensureTracing());

describe('LoadEngine against real targets', () => {
  it('achieves the offered rate within 2% over several seconds', async () => {
    const t = await target();
    const engine = new LoadEngine({
      config: flat({ baseRps: 200, maxConcurrency: 2_000 }),
      planner: fixed(t.url),
      durationMs: 4_000,
    });
    engine.start();
    await engine.scheduled;
    const summary = await engine.stop();
    // One assertion over everything, so a failure shows the whole run (drops, statuses, lag) at once.
    expect({
      achievedWithin2Percent: Math.abs(summary.achievedRps - 200) / 200 < 0.02,
      offeredAtLeast: summary.offered >= 790,
      sent: summary.sent,
      received: t.received(),
      statuses: summary.statuses,
      dropped: summary.dropped,
      summary,
    }).toEqual({
      achievedWithin2Percent: true,
      offeredAtLeast: true,
      sent: summary.offered,
      received: summary.offered,
      statuses: { '200': summary.offered },
      dropped: {},
      summary: expect.anything(),
    });
  });

  it('survives a target that is down: every request completes as a network error, nothing queues', async () => {
    const port = await freePort();
    const engine = new LoadEngine({
      config: flat({ baseRps: 100, maxConcurrency: 20 }),
      planner: fixed(`http://127.0.0.1:${port}`),
      durationMs: 1_500,
    });
    engine.start();
    await engine.scheduled;
    const summary = await engine.stop();
    expect(summary.sent).toBeGreaterThan(100);
    expect(summary.errors.byStatus['0']).toBe(summary.completed);
    expect(summary.errors.byNetworkCode).toEqual({ ECONNREFUSED: summary.completed });
    expect(summary.completed).toBe(summary.sent);
  });

  it('with a target that hangs, caps requests in flight and counts the overflow as drops', async () => {
    const t = await target({ behaviour: 'hang' });
    const registry = new Registry();
    const engine = new LoadEngine({
      config: flat({ baseRps: 200, maxConcurrency: 10, timeoutMs: 60_000 }),
      planner: fixed(t.url),
      durationMs: 1_500,
      telemetry: new PromLoadgenTelemetry(registryMetricFactory(registry)),
    });
    let maxInFlight = 0;
    const probe = setInterval(() => (maxInFlight = Math.max(maxInFlight, engine.status().inFlight)), 20);
    engine.start();
    await engine.scheduled;
    clearInterval(probe);
    expect(engine.status().inFlight).toBe(10);
    expect(maxInFlight).toBeLessThanOrEqual(10);
    expect(t.open()).toBeLessThanOrEqual(10);
    const summary = await engine.stop(200);
    expect(summary.sent).toBe(10);
    expect(summary.dropped.concurrency_limit).toBe(summary.offered - 10);
    expect(summary.offered).toBeGreaterThan(250);
    const dropped = await registry.getSingleMetric('loadgen_dropped_total')?.get();
    expect(dropped?.values).toEqual([
      { labels: { reason: 'concurrency_limit' }, value: summary.offered - 10 },
    ]);
  });

  it('sends a W3C traceparent on every request, each its own root trace', async () => {
    const t = await target();
    const engine = new LoadEngine({ config: flat({ baseRps: 50 }), planner: fixed(t.url), durationMs: 500 });
    engine.start();
    await engine.scheduled;
    await engine.stop();
    const parents = t.recorded().map((r) => r.headers.traceparent);
    expect(parents.length).toBeGreaterThan(10);
    for (const header of parents)
      expect(header).toMatch(/^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-01$/);
    const traceIds = new Set(parents.map((p) => String(p).split('-')[1]));
    expect(traceIds.size).toBe(parents.length);
  });

  it('drives the mix with realistic bodies and reads back the orders it created', async () => {
    let n = 0;
    const orders = await target({ postResponse: () => ({ id: `ord-${++n}`, status: 'paid' }) });
    const payments = await target();
    const users = await target();
    const registry = new Registry();
    const engine = new LoadEngine({
      config: flat({ baseRps: 300 }),
      rng: seededRng(99),
      planner: (rng) => new MixPlanner({ orders: orders.url, payments: payments.url, users: users.url }, rng),
      durationMs: 1_000,
      telemetry: new PromLoadgenTelemetry(registryMetricFactory(registry)),
    });
    engine.start();
    await engine.scheduled;
    await engine.stop();
    const orderPosts = orders.recorded().filter((r) => r.method === 'POST');
    expect(orderPosts.length).toBeGreaterThan(0);
    expect(orderPosts.every((r) => typeof r.headers['idempotency-key'] === 'string')).toBe(true);
    expect(JSON.parse(orderPosts[0].body)).toMatchObject({
      userId: expect.stringMatching(/^usr-1[0-4]\d$/),
      items: expect.any(Array),
    });
    const reads = orders.recorded().filter((r) => r.method === 'GET' && r.url.startsWith('/api/orders/'));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => /^\/api\/orders\/ord-\d+$/.test(r.url))).toBe(true);
    expect(users.recorded().some((r) => r.url === '/api/users/auth')).toBe(true);
    const text = await registry.metrics();
    expect(text).toMatch(
      /loadgen_requests_total\{scenario="orders_create",http_response_status_code="201"\} \d+/,
    );
    expect(text).toMatch(/loadgen_request_duration_seconds_count\{scenario="users_get"\} \d+/);
    expect(text).toMatch(
      /http_client_request_duration_seconds_count\{http_request_method="GET",server_address="127\.0\.0\.1:\d+",http_response_status_code="200"\}/,
    );
  });
});
