// The built server as a real process (with the tracing preload) driving three local HTTP targets.
import { freePort, ManagedProcess, startProcess, waitFor, waitForHttp } from '@obs/testing';
import { join } from 'node:path';
import { LocalTarget, startLocalTarget } from '../src/app/testing/local-target';

const root = join(__dirname, '..', '..', '..');
const dist = join(root, 'dist', 'apps', 'loadgen');

describe('loadgen server', () => {
  let orders: LocalTarget;
  let payments: LocalTarget;
  let users: LocalTarget;
  let server: ManagedProcess;
  let base: string;

  beforeAll(async () => {
    let n = 0;
    orders = await startLocalTarget({ postResponse: () => ({ id: `ord-${++n}`, status: 'paid' }) });
    payments = await startLocalTarget();
    users = await startLocalTarget();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = startProcess(
      process.execPath,
      ['--require', join(dist, 'instrumentation.js'), join(dist, 'main.js')],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          PORT: String(port),
          ORDERS_URL: orders.url,
          PAYMENTS_URL: payments.url,
          USERS_URL: users.url,
          LOADGEN_RPS: '40',
          LOADGEN_DIURNAL: 'false',
          LOADGEN_BURST_PROBABILITY: '0',
          LOADGEN_SEED: '7',
        },
      },
    );
    await waitForHttp(`${base}/readyz`, { timeoutMs: 30_000 });
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([orders, payments, users].map((t) => t?.close()));
  });

  const json = (path: string, method = 'GET', body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('answers liveness and readiness', async () => {
    expect((await json('/healthz')).status).toBe(200);
    expect((await json('/readyz')).status).toBe(200);
  });

  it('sends the weighted mix to all three services, each request carrying a traceparent', async () => {
    await waitFor(
      async () =>
        orders.received() > 5 && payments.received() > 5 && users.received() > 5 ? true : undefined,
      {
        what: 'traffic on all three targets',
      },
    );
    const all = [...orders.recorded(), ...payments.recorded(), ...users.recorded()];
    for (const r of all) expect(r.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    const posts = all.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((r) => typeof r.headers['idempotency-key'] === 'string')).toBe(true);
  });

  it('exposes the loadgen_* series and http_client_request_duration_seconds on /metrics', async () => {
    const text = await waitFor(async () => {
      const body = await (await json('/metrics')).text();
      return /^loadgen_achieved_rps [1-9]/m.test(body) ? body : undefined;
    });
    expect(text).toMatch(/^loadgen_requests_total\{scenario="\w+",http_response_status_code="20[01]"\} \d+/m);
    expect(text).toMatch(/^loadgen_request_duration_seconds_bucket\{le="0\.5",scenario="\w+"\} \d+/m);
    expect(text).toMatch(/^loadgen_offered_rps 40$/m);
    expect(text).toMatch(/^loadgen_achieved_rps \d/m);
    expect(text).toMatch(/^loadgen_schedule_lag_seconds_count \d+/m);
    expect(text).toMatch(
      /^http_client_request_duration_seconds_count\{http_request_method="(GET|POST)",server_address="127\.0\.0\.1:\d+",http_response_status_code="\d+"\} \d+/m,
    );
  });

  it('rejects bad config with a 400 naming the field, and applies a good one', async () => {
    for (const bad of [
      { baseRps: -1 },
      { maxConcurrency: 'many' },
      { burst: { probability: 3 } },
      { mix: { nope: 1 } },
      { extra: 1 },
    ]) {
      const res = await json('/api/config', 'PUT', bad);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { statusCode: number; message: string[]; traceId: string };
      expect(body.statusCode).toBe(400);
      expect(body.message.join(' ')).toContain(Object.keys(bad)[0]);
    }
    const notJson = await fetch(`${base}/api/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);

    const ok = await json('/api/config', 'PUT', { baseRps: 30, burst: { multiplier: 4 } });
    expect(ok.status).toBe(200);
    const config = (await (await json('/api/config')).json()) as {
      baseRps: number;
      burst: { multiplier: number; probability: number };
    };
    expect(config.baseRps).toBe(30);
    expect(config.burst).toMatchObject({ multiplier: 4, probability: 0 });
  });

  it('starts a burst on request and validates its body', async () => {
    expect((await json('/api/burst', 'POST', { multiplier: 0 })).status).toBe(400);
    const res = await json('/api/burst', 'POST', { multiplier: 2, durationSeconds: 1 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ active: true, multiplier: 2 });
    const status = (await (await json('/api/status')).json()) as { traffic: { rps: number } };
    expect(status.traffic.rps).toBe(60);
  });

  it('pauses (no new requests reach the services) and resumes', async () => {
    expect((await json('/api/pause', 'POST')).status).toBe(200);
    const total = () => orders.received() + payments.received() + users.received();
    // Requests already in flight may still land; after that the count must stay put.
    await new Promise((r) => setTimeout(r, 300));
    const paused = total();
    await new Promise((r) => setTimeout(r, 700));
    expect(total()).toBe(paused);
    const resumed = (await (await json('/api/resume', 'POST')).json()) as { paused: boolean };
    expect(resumed.paused).toBe(false);
    await waitFor(async () => (total() > paused ? true : undefined), { what: 'traffic after resume' });
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
  });

  it('refuses to start with a bad variable, naming it', async () => {
    const bad = startProcess(process.execPath, [join(dist, 'main.js')], {
      cwd: root,
      env: { PATH: process.env.PATH, PORT: String(await freePort()), LOADGEN_RPS: 'lots' },
    });
    const code = await new Promise<number | null>((resolve) => bad.child.once('exit', resolve));
    expect(code).toBe(1);
    expect(bad.output()).toContain('LOADGEN_RPS');
  });
});
