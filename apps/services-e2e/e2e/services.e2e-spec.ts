// The three services as real processes on real ports: one trace across them, an idempotent charge
// under retries, the payments breaker opening and closing by itself, and durability across SIGKILL.
import { waitFor } from '@obs/testing';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '@obs/testing';
import { ADMIN_TOKEN, metricValue, postOrder, sampleOrder, type Stack, startStack } from './support/stack';

const SPAN_KIND = { server: 2, client: 3 } as const;

let receiver: OtlpReceiver;
let stack: Stack;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  stack = await startStack({
    otlpEndpoint: receiver.endpoint,
    env: {
      // Short budgets so timeouts and the breaker's half-open probe happen within seconds.
      orders: { PAYMENTS_TIMEOUT_MS: '1500', USERS_TIMEOUT_MS: '2000', BREAKER_HALF_OPEN_MS: '1000', BREAKER_CONSECUTIVE_FAILURES: '5' },
    },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await receiver?.stop();
});

async function setPaymentsFaults(settings: object): Promise<void> {
  const res = await fetch(`${stack.payments.url}/admin/faults`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (res.status !== 200) throw new Error(`PUT /admin/faults answered ${res.status}: ${await res.text()}`);
}

async function paymentsOfOrder(orderId: string): Promise<{ id: string }[]> {
  const res = await fetch(`${stack.payments.url}/api/payments?orderId=${encodeURIComponent(orderId)}`);
  return ((await res.json()) as { items: { id: string }[] }).items;
}

describe('a POST /api/orders', () => {
  it('gives one trace across orders → users and orders → payments with correct parent links', async () => {
    const created = await postOrder(stack.orders);
    expect(created.status).toBe(201);

    const trace = await waitFor(
      async () => {
        const spans = receiver.spans();
        const paymentsServer = spans.find((s) => s.service === 'payments' && s.kind === SPAN_KIND.server && s.name.includes('Charge'));
        if (!paymentsServer) return undefined;
        const inTrace = spans.filter((s) => s.traceId === paymentsServer.traceId);
        const usersServer = inTrace.find((s) => s.service === 'users' && s.kind === SPAN_KIND.server && s.name.includes('ValidateUser'));
        const root = inTrace.find((s) => s.service === 'orders' && s.parentSpanId === '');
        return usersServer && root ? { spans: inTrace, paymentsServer, usersServer, root } : undefined;
      },
      { timeoutMs: 30_000, what: 'the order trace to reach the OTLP receiver' },
    );

    const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const chain: ReceivedSpan[] = [];
      for (let s = byId.get(span.parentSpanId); s; s = byId.get(s.parentSpanId)) chain.push(s);
      return chain;
    };
    for (const server of [trace.usersServer, trace.paymentsServer]) {
      // The callee's server span is the child of an orders client span, which descends from the orders root.
      const parent = byId.get(server.parentSpanId);
      expect(parent).toMatchObject({ service: 'orders', kind: SPAN_KIND.client });
      expect(ancestors(server)).toContainEqual(trace.root);
    }
    expect(new Set(trace.spans.map((s) => s.service))).toEqual(new Set(['orders', 'users', 'payments']));
  });
});

describe('a charge retried after a timeout', () => {
  it('is stored once, and a repeat of the order completes it with that one payment', async () => {
    // Slow payments down past orders' 1.5 s charge budget (~2 s injected write latency plus
    // ~1.5 s gateway latency); no injected errors, no peaks.
    await setPaymentsFaults({ profile: 'realistic', errorRate: 0, latencyMultiplier: 10, peak: 'off' });
    const key = 'e2e-retry-order';
    let first;
    try {
      first = await postOrder(stack.orders, sampleOrder(), { 'idempotency-key': key });
      expect([201, 503]).toContain(first.status);
      expect(await metricValue(stack.orders, 'resilience_retries_total', { target: 'payments' })).toBeGreaterThan(0);
    } finally {
      await setPaymentsFaults({ profile: 'none' });
    }

    const repeat = await waitFor(
      async () => {
        const res = await postOrder(stack.orders, sampleOrder(), { 'idempotency-key': key });
        return res.status === 201 ? res : undefined;
      },
      // Generous: a rare injected tail spike (3–10×) can keep the first charge busy for many seconds.
      { timeoutMs: 60_000, what: 'the repeated order to be answered 201' },
    );
    if (first.status === 201) expect(repeat.body).toEqual(first.body);
    const payments = await paymentsOfOrder(String(repeat.body['id']));
    expect(payments).toHaveLength(1);
    expect(payments[0].id).toBe(repeat.body['paymentId']);
  });
});

describe('payments down', () => {
  it('makes orders answer 503 from an open breaker, and 201 again once payments is back', async () => {
    await stack.payments.stop('SIGKILL');

    await waitFor(
      async () => {
        await postOrder(stack.orders);
        return (await metricValue(stack.orders, 'circuit_breaker_state', { target: 'payments' })) === 2 ? true : undefined;
      },
      { timeoutMs: 30_000, what: 'the payments breaker to open' },
    );
    const refused = await postOrder(stack.orders);
    expect(refused.status).toBe(503);
    // Refused by the open breaker, not after waiting for a timeout.
    expect(String(refused.body['message'])).toMatch(/circuit breaker is open/);
    await fetch(`${stack.orders.url}/healthz`).then((r) => expect(r.status).toBe(200));

    await stack.payments.start();
    const recovered = await waitFor(
      async () => {
        const res = await postOrder(stack.orders);
        return res.status === 201 ? res : undefined;
      },
      { timeoutMs: 30_000, what: 'orders to accept orders again' },
    );
    expect(recovered.body['status']).toBe('paid');
    expect(await metricValue(stack.orders, 'circuit_breaker_state', { target: 'payments' })).toBe(0);
  });
});

describe('orders killed with SIGKILL', () => {
  it('still has every order it acknowledged with 201 after a restart', async () => {
    const created = await postOrder(stack.orders);
    expect(created.status).toBe(201);

    await stack.orders.stop('SIGKILL');
    await stack.orders.start();

    const res = await fetch(`${stack.orders.url}/api/orders/${String(created.body['id'])}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(created.body);
  });
});
