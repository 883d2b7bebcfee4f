// orders over real HTTP on the real module and a real Postgres, calling gRPC stand-ins for users
// and payments: order creation, idempotency, the charge key, pagination, and a table of bad inputs.
import request from 'supertest';
import { chargeKeyFor } from '../clients/payments.client';
import { type FakeDependencies, startFakeDependencies } from '../testing/fake-dependencies';
import { type RunningOrders, startOrdersApp } from '../testing/orders-app';

let deps: FakeDependencies;
let svc: RunningOrders;
const api = () => request(svc.baseUrl);

beforeAll(async () => {
  deps = await startFakeDependencies();
  svc = await startOrdersApp({ usersAddress: deps.address, paymentsAddress: deps.address });
}, 60_000);

afterAll(async () => {
  await svc?.stop();
  await deps?.stop();
});

const order = (over: Record<string, unknown> = {}) => ({
  userId: 'usr-100',
  items: [
    { sku: 'sku-1', quantity: 3, unitPrice: 19.99 },
    { sku: 'sku-2', quantity: 3, unitPrice: 0.1 },
  ],
  currency: 'EUR',
  paymentMethod: 'credit_card',
  ...over,
});

describe('POST /api/orders', () => {
  it('validates the user, charges the exact total with a key derived from the order, and stores it paid', async () => {
    const res = await api().post('/api/orders').send(order());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: 'usr-100', total: 60.27, currency: 'EUR', status: 'paid', paymentId: expect.any(String) });
    const charge = deps.charges.find((c) => c.orderId === res.body.id);
    expect(charge).toMatchObject({ amount: '60.27', idempotencyKey: chargeKeyFor(res.body.id), method: 'credit_card' });
    await api().get(`/api/orders/${res.body.id}`).expect(200);
  });

  it('stores a declined charge as payment_failed', async () => {
    deps.chargeStatus = 'declined';
    try {
      const res = await api().post('/api/orders').send(order());
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('payment_failed');
    } finally {
      deps.chargeStatus = 'succeeded';
    }
  });

  it.each([
    ['usr-999', /not_found/],
    ['usr-locked', /locked/],
  ])('refuses an order for %s with 400', async (userId, reason) => {
    const res = await api().post('/api/orders').send(order({ userId }));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(reason);
  });

  it('returns the first result for a repeated Idempotency-Key and charges once', async () => {
    const first = await api().post('/api/orders').set('Idempotency-Key', 'order-key-1').send(order());
    const repeat = await api().post('/api/orders').set('Idempotency-Key', 'order-key-1').send(order());
    expect(first.status).toBe(201);
    expect(repeat.status).toBe(201);
    expect(repeat.body).toEqual(first.body);
    expect(deps.charges.filter((c) => c.orderId === first.body.id)).toHaveLength(1);
  });

  it('answers 409 when an Idempotency-Key is reused with another body', async () => {
    await api().post('/api/orders').set('Idempotency-Key', 'order-key-2').send(order()).expect(201);
    const res = await api().post('/api/orders').set('Idempotency-Key', 'order-key-2').send(order({ currency: 'USD' }));
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/different request body/);
  });

  it('counts stored orders by status', async () => {
    const metrics = await api().get('/metrics');
    expect(metrics.text).toMatch(/orders_created_total\{[^}]*status="paid"[^}]*\} [1-9]/);
    expect(metrics.text).toMatch(/orders_created_total\{[^}]*status="payment_failed"[^}]*\} [1-9]/);
  });
});

describe('GET /api/orders', () => {
  it('pages newest first with an opaque cursor and no overlap', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await api().post('/api/orders').send(order())).body.id);
    const first = await api().get('/api/orders').query({ limit: 2 });
    expect(first.body.items.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[1]]);
    const second = await api().get('/api/orders').query({ limit: 2, cursor: first.body.nextCursor });
    expect(second.body.items[0].id).toBe(ids[0]);
  });

  it('answers 404 with a JSON message for an unknown order', async () => {
    const res = await api().get('/api/orders/ord-unknown');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, message: expect.stringContaining('ord-unknown') });
  });
});

describe('GET /docs-json', () => {
  it('documents the orders API', async () => {
    const res = await api().get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/orders', '/api/orders/{id}']));
  });
});

describe('bad input', () => {
  const post = () => api().post('/api/orders');
  const item = { sku: 'sku-1', quantity: 1, unitPrice: 1 };
  const cases: [string, number, RegExp, () => request.Test][] = [
    ['malformed JSON', 400, /json/i, () => post().set('Content-Type', 'application/json').send('{"userId": "usr-100",')],
    ['not JSON at all', 400, /json/i, () => post().set('Content-Type', 'application/json').send('hello')],
    ['missing items', 400, /items/, () => post().send(order({ items: undefined }))],
    ['empty items', 400, /items/, () => post().send(order({ items: [] }))],
    ['too many items', 400, /items/, () => post().send(order({ items: Array.from({ length: 21 }, () => item) }))],
    ['unknown top-level field', 400, /discount/, () => post().send(order({ discount: 50 }))],
    ['unknown item field', 400, /free/, () => post().send(order({ items: [{ ...item, free: true }] }))],
    ['quantity as a string', 400, /quantity/, () => post().send(order({ items: [{ ...item, quantity: '2' }] }))],
    ['fractional quantity', 400, /quantity/, () => post().send(order({ items: [{ ...item, quantity: 1.5 }] }))],
    ['negative quantity', 400, /quantity/, () => post().send(order({ items: [{ ...item, quantity: -1 }] }))],
    ['huge quantity', 400, /quantity/, () => post().send(order({ items: [{ ...item, quantity: 1e12 }] }))],
    ['negative price', 400, /unitPrice/, () => post().send(order({ items: [{ ...item, unitPrice: -5 }] }))],
    ['huge price', 400, /unitPrice/, () => post().send(order({ items: [{ ...item, unitPrice: 1e300 }] }))],
    ['userId as a number', 400, /userId/, () => post().send(order({ userId: 100 }))],
    ['unknown payment method', 400, /paymentMethod/, () => post().send(order({ paymentMethod: 'iou' }))],
    ['bad currency', 400, /currency/, () => post().send(order({ currency: 'EURO' }))],
    ['null body', 400, /./, () => post().set('Content-Type', 'application/json').send('null')],
    ['oversize body', 413, /./, () => post().send(order({ userId: 'u'.repeat(100_000) }))],
    ['bad Idempotency-Key', 400, /Idempotency-Key/, () => post().set('Idempotency-Key', 'no spaces please').send(order())],
    ['overlong Idempotency-Key', 400, /Idempotency-Key/, () => post().set('Idempotency-Key', 'k'.repeat(129)).send(order())],
    ['limit of zero', 400, /limit/, () => api().get('/api/orders').query({ limit: 0 })],
    ['forged cursor', 400, /cursor/, () => api().get('/api/orders').query({ cursor: '!!!' })],
    ['overlong id', 414, /./, () => api().get(`/api/orders/${'o'.repeat(500)}`)],
    ['unknown id of a valid shape', 404, /not found/, () => api().get('/api/orders/ord-0')],
  ];

  it.each(cases)('%s → %d with a JSON message', async (_name, status, message, send) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.stringify(res.body.message)).toMatch(message);
  });

  it('leaves the process healthy', async () => {
    await api().get('/healthz').expect(200);
    await api().post('/api/orders').send(order()).expect(201);
  });
});

// Last: it takes the stand-ins down for good.
describe('users and payments down', () => {
  it('answers 503 from the open users breaker instead of waiting for every call', async () => {
    await deps.stop();
    let last = await api().post('/api/orders').send(order());
    for (let i = 0; i < 10 && !/circuit breaker is open/.test(String(last.body.message)); i++) {
      expect(last.status).toBe(503);
      last = await api().post('/api/orders').send(order());
    }
    expect(last.status).toBe(503);
    expect(last.body.message).toMatch(/Dependency "users" unavailable: circuit breaker is open/);
    const metrics = await api().get('/metrics');
    expect(metrics.text).toMatch(/circuit_breaker_state\{[^}]*target="users"[^}]*\} 2/);
    await api().get('/healthz').expect(200);
  });
});
