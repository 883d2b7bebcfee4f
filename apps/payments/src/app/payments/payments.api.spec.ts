// payments over real HTTP and gRPC on the real module and a real Postgres: idempotent charges,
// conflicts, pagination, metrics, and a table of bad inputs that must all be clean 4xx answers.
import { credentials, loadPackageDefinition, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_PACKAGES, protoPath } from '@obs/contracts';
import request from 'supertest';
import { type RunningPayments, startPaymentsApp } from '../testing/payments-app';

let svc: RunningPayments;
const api = () => request(svc.baseUrl);

beforeAll(async () => {
  svc = await startPaymentsApp();
}, 60_000);

afterAll(async () => {
  await svc?.stop();
});

const body = (orderId: string, amount = 42.5) => ({ orderId, amount, currency: 'EUR', method: 'credit_card' });

describe('POST /api/payments', () => {
  it('charges once per idempotency key and returns the first result to a repeat', async () => {
    const first = await api().post('/api/payments').set('Idempotency-Key', 'key-once').send(body('ord-once'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ orderId: 'ord-once', amount: 42.5, currency: 'EUR', method: 'credit_card', status: 'succeeded' });

    const repeat = await api().post('/api/payments').set('Idempotency-Key', 'key-once').send(body('ord-once'));
    expect(repeat.status).toBe(201);
    expect(repeat.body.id).toBe(first.body.id);

    const list = await api().get('/api/payments').query({ orderId: 'ord-once' });
    expect(list.body.items).toHaveLength(1);
  });

  it('stores one payment when the same key arrives concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => api().post('/api/payments').set('Idempotency-Key', 'key-race').send(body('ord-race'))),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const list = await api().get('/api/payments').query({ orderId: 'ord-race' });
    expect(list.body.items).toHaveLength(1);
  });

  // 20 s: a charge at doubled realistic latency plus a repeat that may wait up to PENDING_WAIT.totalMs
  // (5 s) is more than Jest's default 5 s allows, and a loaded CI machine got there once.
  it('makes a repeat that arrives mid-charge wait for the first call and return its payment', async () => {
    // Realistic gateway latency (no injected errors) keeps the first charge pending for a while.
    await api().put('/admin/faults').send({ profile: 'realistic', errorRate: 0, latencyMultiplier: 2, peak: 'off' }).expect(200);
    try {
      const first = api().post('/api/payments').set('Idempotency-Key', 'key-slow').send({ ...body('ord-slow'), method: 'bank_transfer' });
      await new Promise((r) => setTimeout(r, 100));
      const repeat = await api().post('/api/payments').set('Idempotency-Key', 'key-slow').send({ ...body('ord-slow'), method: 'bank_transfer' });
      expect(repeat.status).toBe(201);
      expect(repeat.body.id).toBe((await first).body.id);
    } finally {
      await api().put('/admin/faults').send({ profile: 'none' }).expect(200);
    }
    expect((await api().get('/api/payments').query({ orderId: 'ord-slow' })).body.items).toHaveLength(1);
  }, 20_000);

  it('answers 409 when a key is reused for a different charge', async () => {
    await api().post('/api/payments').set('Idempotency-Key', 'key-conflict').send(body('ord-c1')).expect(201);
    const res = await api().post('/api/payments').set('Idempotency-Key', 'key-conflict').send(body('ord-c1', 99));
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/different charge/);
  });

  it('counts outcomes and amounts in the business metrics', async () => {
    await api().post('/api/payments').set('Idempotency-Key', 'key-metrics').send({ ...body('ord-m'), method: 'digital_wallet' });
    const metrics = await api().get('/metrics');
    expect(metrics.text).toMatch(/payment_transactions_total\{[^}]*method="digital_wallet"[^}]*status="succeeded"[^}]*\} 1/);
    expect(metrics.text).toMatch(/payment_amount_total\{[^}]*currency="EUR"[^}]*\} \d+/);
  });
});

describe('GET /api/payments', () => {
  it('pages with an opaque cursor, newest first, without overlap', async () => {
    for (const n of [1, 2, 3]) {
      await api().post('/api/payments').set('Idempotency-Key', `key-page-${n}`).send(body('ord-page', n)).expect(201);
    }
    const first = await api().get('/api/payments').query({ orderId: 'ord-page', limit: 2 });
    expect(first.body.items.map((p: { amount: number }) => p.amount)).toEqual([3, 2]);
    const second = await api().get('/api/payments').query({ orderId: 'ord-page', limit: 2, cursor: first.body.nextCursor });
    expect(second.body.items.map((p: { amount: number }) => p.amount)).toEqual([1]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('returns a stored payment by id and 404 for an unknown one', async () => {
    const created = await api().post('/api/payments').set('Idempotency-Key', 'key-get').send(body('ord-get'));
    await api().get(`/api/payments/${created.body.id}`).expect(200);
    const missing = await api().get('/api/payments/pay-unknown');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, message: expect.stringContaining('pay-unknown') });
  });
});

describe('gRPC PaymentsService', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loadPackageDefinition is untyped by nature
  const client = (): any => {
    const pkg = loadPackageDefinition(loadSync(protoPath('payments'))) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const Service = PROTO_PACKAGES.payments.split('.').reduce((o, k) => o[k], pkg).PaymentsService;
    return new Service(svc.grpcAddress, credentials.createInsecure());
  };
  const charge = (req: object) =>
    new Promise<{ error: ServiceError | null; res?: { id: string; status: string; amount: string } }>((resolve) => {
      const c = client();
      c.Charge(req, (error: ServiceError | null, res: { id: string; status: string; amount: string }) => {
        c.close();
        resolve({ error, res });
      });
    });

  it('Charge shares the idempotency key space with REST', async () => {
    const rest = await api().post('/api/payments').set('Idempotency-Key', 'key-shared').send(body('ord-shared', 10));
    const { error, res } = await charge({ orderId: 'ord-shared', amount: '10.00', currency: 'EUR', method: 'credit_card', idempotencyKey: 'key-shared' });
    expect(error).toBeNull();
    expect(res).toMatchObject({ id: rest.body.id, status: 'succeeded', amount: '10.00' });
  });

  it('rejects a malformed Charge with INVALID_ARGUMENT', async () => {
    const { error } = await charge({ orderId: 'ord-x', amount: '-5', currency: 'EUR', method: 'credit_card', idempotencyKey: 'k' });
    expect(error?.code).toBe(3);
  });
});

describe('GET /docs-json', () => {
  it('documents the payments API', async () => {
    const res = await api().get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/payments', '/api/payments/{id}']));
  });
});

describe('bad input', () => {
  const valid = body('ord-bad');
  const cases: [string, number, RegExp, () => request.Test][] = [
    ['malformed JSON', 400, /json/i, () => api().post('/api/payments').set('Idempotency-Key', 'k1').set('Content-Type', 'application/json').send('{"orderId":')],
    ['missing Idempotency-Key', 400, /Idempotency-Key/, () => api().post('/api/payments').send(valid)],
    ['bad Idempotency-Key', 400, /Idempotency-Key/, () => api().post('/api/payments').set('Idempotency-Key', 'has spaces!').send(valid)],
    ['oversize Idempotency-Key', 400, /Idempotency-Key/, () => api().post('/api/payments').set('Idempotency-Key', 'k'.repeat(200)).send(valid)],
    ['unknown field', 400, /admin/, () => api().post('/api/payments').set('Idempotency-Key', 'k2').send({ ...valid, admin: true })],
    ['missing field', 400, /orderId/, () => api().post('/api/payments').set('Idempotency-Key', 'k3').send({ ...valid, orderId: undefined })],
    ['amount as a string', 400, /amount/, () => api().post('/api/payments').set('Idempotency-Key', 'k4').send({ ...valid, amount: '12' })],
    ['negative amount', 400, /amount/, () => api().post('/api/payments').set('Idempotency-Key', 'k5').send({ ...valid, amount: -1 })],
    ['huge amount', 400, /amount/, () => api().post('/api/payments').set('Idempotency-Key', 'k6').send({ ...valid, amount: 1e308 })],
    ['three decimals', 400, /amount/, () => api().post('/api/payments').set('Idempotency-Key', 'k7').send({ ...valid, amount: 1.234 })],
    ['unknown method', 400, /method/, () => api().post('/api/payments').set('Idempotency-Key', 'k8').send({ ...valid, method: 'cash' })],
    ['lower-case currency', 400, /currency/, () => api().post('/api/payments').set('Idempotency-Key', 'k9').send({ ...valid, currency: 'eur' })],
    ['array body', 400, /./, () => api().post('/api/payments').set('Idempotency-Key', 'k10').send([valid])],
    ['oversize body', 413, /./, () => api().post('/api/payments').set('Idempotency-Key', 'k11').send({ ...valid, orderId: 'x'.repeat(200_000) })],
    ['limit above 100', 400, /limit/, () => api().get('/api/payments').query({ limit: 1000 })],
    ['limit not a number', 400, /limit/, () => api().get('/api/payments').query({ limit: 'ten' })],
    ['forged cursor', 400, /cursor/, () => api().get('/api/payments').query({ cursor: 'bm90LWEtY3Vyc29y' })],
    ['unknown query parameter', 400, /sort/, () => api().get('/api/payments').query({ sort: 'amount' })],
    ['overlong id', 414, /./, () => api().get(`/api/payments/${'p'.repeat(300)}`)],
    ['unknown id of a valid shape', 404, /not found/, () => api().get('/api/payments/pay-0')],
  ];

  it.each(cases)('%s → %d with a JSON message', async (_name, status, message, send) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.stringify(res.body.message)).toMatch(message);
  });

  it('leaves the process healthy', async () => {
    await api().get('/healthz').expect(200);
    await api().post('/api/payments').set('Idempotency-Key', 'key-after').send(valid).expect(201);
  });
});
