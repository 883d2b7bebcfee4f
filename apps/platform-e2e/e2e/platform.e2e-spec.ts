// The whole platform as a user runs it: the four apps, real Prometheus and Alertmanager, steady load
// from the load generator. It proves the telemetry contract of DESIGN.md end to end (RED series,
// exemplars ↔ logs ↔ traces, SLO recordings) and the closed loop from an injected fault to a page.
import { ALERTMANAGER, describeWithBinaries, PROMETHEUS, waitFor } from '@obs/testing';
import { SPAN_KIND } from '@obs/testing';
import { ADMIN_TOKEN } from './support/platform';
import type { VectorSample } from './support/prometheus-api';
import { type Stack, startStack } from './support/stack';
import { ancestorsOf, findOrderTrace, parentOf } from './support/traces';
import type { WebhookAlert } from './support/webhook-sink';

/** The routes the load generator's mix calls (DESIGN.md), as their http_route templates. */
const ROUTES: Record<'orders' | 'payments' | 'users', readonly [method: string, route: string][]> = {
  orders: [['GET', '/api/orders'], ['POST', '/api/orders'], ['GET', '/api/orders/:id']],
  payments: [['POST', '/api/payments'], ['GET', '/api/payments']],
  users: [['GET', '/api/users/:id'], ['GET', '/api/users'], ['POST', '/api/users/auth']],
};
const SERVICES = Object.keys(ROUTES) as (keyof typeof ROUTES)[];
const PAGE_BURN = 14.4 * 0.001;

let stack: Stack;

async function setPaymentsFaults(body: object): Promise<void> {
  const res = await fetch(`${stack.apps.payments.url}/admin/faults`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`PUT /admin/faults answered ${res.status}: ${await res.text()}`);
}

/** waitFor, with every process's recent output in the error: an e2e failure needs the whole picture. */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs: number): Promise<T> {
  try {
    return await waitFor(probe, { timeoutMs, intervalMs: 1_000, what });
  } catch (error) {
    throw new Error(`${String(error)}\n${stack.diagnostics()}`);
  }
}

const isPaymentsPage = (a: WebhookAlert) =>
  a.labels['alertname'] === 'AvailabilityErrorBudgetBurn' && a.labels['service'] === 'payments' && a.labels['severity'] === 'critical';

describeWithBinaries([PROMETHEUS, ALERTMANAGER], 'the platform under load', () => {
  beforeAll(async () => {
    stack = await startStack({ rps: 8 });
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('has RED series for every service and route under the DESIGN.md names and service labels', async () => {
    for (const service of SERVICES) {
      for (const [method, route] of ROUTES[service]) {
        const selector = `http_server_request_duration_seconds_count{service="${service}",http_request_method="${method}",http_route="${route}"}`;
        await eventually(async () => ((await stack.prometheus.query(selector)).length > 0 ? true : undefined), selector, 90_000);
      }
    }
    // Rate and duration come from the same histogram; errors are its 5xx status codes. Prometheus
    // scrapes each target at its own offset within the interval, so the load generator (started
    // last) may not have been scraped yet when every service route is in.
    const bucketsQuery = 'sum by (service) (http_server_request_duration_seconds_bucket{le="+Inf"})';
    const serviceLabels = async () => new Set((await stack.prometheus.query(bucketsQuery)).map((s) => s.metric['service']));
    await eventually(async () => ((await serviceLabels()).has('loadgen') ? true : undefined), `${bucketsQuery} for loadgen`, 30_000);
    expect(await serviceLabels()).toEqual(new Set([...SERVICES, 'loadgen']));
    for (const [service, method] of [['users', 'ValidateUser'], ['payments', 'Charge']]) {
      const rpc = `rpc_server_call_duration_seconds_count{service="${service}",rpc_system="grpc",rpc_method="${method}"}`;
      await eventually(async () => ((await stack.prometheus.query(rpc)).length > 0 ? true : undefined), rpc, 30_000);
    }
    const clientCalls = await stack.prometheus.query('count by (rpc_method) (rpc_client_call_duration_seconds_count{service="orders"})');
    expect(clientCalls.map((s) => s.metric['rpc_method']).sort()).toEqual(['Charge', 'ValidateUser']);
    // Every scenario of the mix shows up, though the rarest (weight 2 of 29, at a few requests per
    // second in a diurnal trough) may fire, and be scraped, well after the first loadgen scrape.
    const scenariosQuery = 'count by (scenario) (loadgen_requests_total{service="loadgen"})';
    const scenarioNames = async () => (await stack.prometheus.query(scenariosQuery)).map((s) => s.metric['scenario']).sort();
    await eventually(async () => ((await scenarioNames()).length === 8 ? true : undefined), `${scenariosQuery}: all 8 scenarios`, 60_000);
    // The weighted mix of DESIGN.md "Load generator traffic model".
    const mix = ['orders_list', 'orders_create', 'orders_get', 'payments_create', 'payments_list', 'users_get', 'users_list', 'users_auth'];
    expect(await scenarioNames()).toEqual(mix.sort());
  }, 180_000);

  it('stores exemplars whose trace ids are in the services\' log lines and in the exported traces', async () => {
    for (const service of SERVICES) {
      const exemplars = await eventually(
        async () => {
          const found = await stack.prometheus.exemplars(`http_server_request_duration_seconds_bucket{service="${service}",http_route=~"/api/.*"}`, 300);
          return found.length > 0 ? found : undefined;
        },
        `exemplars of ${service}`,
        60_000,
      );
      const traceIds = exemplars.map((e) => e.labels['trace_id']);
      for (const id of traceIds) expect(id).toMatch(/^[0-9a-f]{32}$/);
      const logged = new Set(stack.apps[service].logLines().map((line) => line['trace_id']));
      expect(traceIds.filter((id) => !logged.has(id))).toEqual([]);
      await eventually(
        async () => (traceIds.some((id) => stack.receiver.trace(id).some((s) => s.service === service)) ? true : undefined),
        `a trace of one of ${service}'s exemplars at the OTLP receiver`,
        30_000,
      );
    }
  }, 240_000);

  it('traces one order from the load generator through orders to users and payments', async () => {
    const trace = await eventually(
      async () => findOrderTrace(stack.receiver.spans(), stack.receiver.trace),
      'a complete loadgen → orders → users/payments trace',
      60_000,
    );
    expect(trace.loadgenRoot.kind).toBe(SPAN_KIND.client);
    // orders' server span is the direct child of the load generator's request span (W3C traceparent).
    expect(parentOf(trace.spans, trace.ordersServer)).toBe(trace.loadgenRoot);
    for (const callee of [trace.usersServer, trace.paymentsServer]) {
      // Each callee's server span hangs off an orders client span inside orders' request.
      expect(parentOf(trace.spans, callee)).toMatchObject({ service: 'orders', kind: SPAN_KIND.client });
      expect(ancestorsOf(trace.spans, callee)).toEqual(expect.arrayContaining([trace.ordersServer, trace.loadgenRoot]));
    }
  }, 90_000);

  it('evaluates the SLO recording rules to sane values', async () => {
    const inUnitRange = (samples: VectorSample[]) => samples.length > 0 && samples.every((s) => s.value >= 0 && s.value <= 1);
    for (const service of SERVICES) {
      for (const [slo, objective] of [['availability', 0.999], ['latency', 0.99]] as const) {
        const labels = `sloth_service="${service}",sloth_slo="${slo}"`;
        // rate() extrapolates each series on its own, so while a series is younger than the window
        // a latency ratio (count − bucket) can dip below 0 for a few evaluations; the 1m window is
        // covered by data within the suite and must settle in [0, 1].
        await eventually(
          async () => (inUnitRange(await stack.prometheus.query(`slo:sli_error:ratio_rate1m{${labels}}`)) ? true : undefined),
          `slo:sli_error:ratio_rate1m{${labels}} in [0, 1]`,
          120_000,
        );
        if (slo === 'availability') {
          // Without injected faults nothing fails, so availability burns far below the paging rate.
          const [fiveMinutes] = await stack.prometheus.query(`slo:sli_error:ratio_rate5m{${labels}}`);
          expect(fiveMinutes.value).toBeGreaterThanOrEqual(0);
          expect(fiveMinutes.value).toBeLessThan(PAGE_BURN);
        }
        const [objectiveSample] = await stack.prometheus.query(`slo:objective:ratio{${labels}}`);
        expect(objectiveSample.value).toBeCloseTo(objective, 6);
        const [remaining] = await stack.prometheus.query(`slo:period_error_budget_remaining:ratio{${labels}}`);
        expect(remaining.value).toBeLessThanOrEqual(1);
      }
    }
  }, 360_000);

  it('pages through Alertmanager when payments fails every request, and resolves once it recovers', async () => {
    await setPaymentsFaults({ errorRate: 1 });
    try {
      await eventually(
        async () => {
          const text = await (await fetch(`${stack.apps.orders.url}/metrics`)).text();
          return /^circuit_breaker_state\{[^}]*target="payments"[^}]*\} 2$/m.test(text) ? true : undefined;
        },
        "orders' payments breaker to open",
        60_000,
      );
      const query = 'max_over_time(circuit_breaker_state{service="orders",target="payments"}[2m])';
      await eventually(async () => ((await stack.prometheus.query(query))[0]?.value === 2 ? true : undefined), `${query} == 2`, 30_000);

      const page = await eventually(
        async () => stack.sink.notifications().flatMap((n) => n.alerts).find((a) => a.status === 'firing' && isPaymentsPage(a)),
        'the payments availability page at the webhook',
        180_000,
      );
      expect(page.annotations['runbook_url']).toMatch(/^https?:\/\/.+runbooks\/.+\.md$/);
      expect(stack.sink.notifications().some((n) => n.receiver === 'pager' && n.alerts.some(isPaymentsPage))).toBe(true);
    } finally {
      await setPaymentsFaults({ profile: 'none' });
    }

    // The short windows drain within a few minutes once payments answers again.
    await eventually(
      async () => stack.sink.notifications().flatMap((n) => n.alerts).find((a) => a.status === 'resolved' && isPaymentsPage(a)),
      'the payments page to be resolved at the webhook',
      330_000,
    );
    // The page is gone; the slower ticket may still burn, as it should after minutes of errors.
    const paging = await stack.prometheus.query(
      'ALERTS{alertname="AvailabilityErrorBudgetBurn",service="payments",severity="critical",alertstate="firing"}',
    );
    expect(paging).toEqual([]);
    const text = await (await fetch(`${stack.apps.orders.url}/metrics`)).text();
    expect(text).toMatch(/^circuit_breaker_state\{[^}]*target="payments"[^}]*\} 0$/m);
  }, 600_000);
});
