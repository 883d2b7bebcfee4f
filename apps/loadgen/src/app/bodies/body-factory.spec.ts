import { seededRng } from '../clock/rng';
import { SCENARIO_NAMES } from '../mix/scenario-names';
import { isScenarioAvailable, planScenario } from '../mix/scenarios';
import { BodyFactory, SEEDED_USER_IDS } from './body-factory';
import { CURRENCIES, PAYMENT_METHODS } from './request-bodies';

const origins = {
  orders: 'http://orders:8081',
  payments: 'http://payments:8082',
  users: 'http://users:8083',
};
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

describe('BodyFactory and scenarios', () => {
  it('builds orders and payments the services accept: seeded users, valid methods, priced items', () => {
    const bodies = new BodyFactory(seededRng(11));
    for (let i = 0; i < 500; i++) {
      const order = bodies.createOrder();
      expect(SEEDED_USER_IDS).toContain(order.userId);
      expect(PAYMENT_METHODS).toContain(order.paymentMethod);
      expect(CURRENCIES).toContain(order.currency);
      expect(order.items.length).toBeGreaterThanOrEqual(1);
      for (const item of order.items) {
        expect(item.sku).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/);
        expect(Number.isInteger(item.quantity) && item.quantity >= 1).toBe(true);
        expect(Math.round(item.unitPrice * 100) / 100).toBe(item.unitPrice);
      }
      const payment = bodies.createPayment();
      expect(PAYMENT_METHODS).toContain(payment.method);
      expect(payment.amount).toBeGreaterThan(0);
      expect(payment.orderId).toMatch(ID_PATTERN);
    }
    expect(SEEDED_USER_IDS[0]).toBe('usr-100');
    expect(SEEDED_USER_IDS[SEEDED_USER_IDS.length - 1]).toBe('usr-149');
  });

  it('puts a fresh Idempotency-Key on writes and none on reads', () => {
    const bodies = new BodyFactory(seededRng(3));
    const keys = new Set<string>();
    for (const name of SCENARIO_NAMES) {
      if (!isScenarioAvailable(name, bodies)) continue;
      const req = planScenario(name, bodies, origins);
      if (req.method === 'POST') {
        expect(req.headers['idempotency-key']).toMatch(ID_PATTERN);
        expect(req.headers['content-type']).toBe('application/json');
        keys.add(req.headers['idempotency-key']);
      } else {
        expect(req.headers['idempotency-key']).toBeUndefined();
      }
    }
    expect(keys.size).toBe(3);
  });

  it('reads back only orders it created, and remembers a bounded number of them', () => {
    const bodies = new BodyFactory(seededRng(4), { rememberOrders: 3 });
    expect(isScenarioAvailable('orders_get', bodies)).toBe(false);
    for (const id of ['o1', 'o2', 'o3', 'o4', 'o5']) bodies.rememberOrder(id);
    expect(bodies.rememberedOrderCount()).toBe(3);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(planScenario('orders_get', bodies, origins).path);
    expect([...seen].sort()).toEqual(['/api/orders/o3', '/api/orders/o4', '/api/orders/o5']);
    expect(planScenario('payments_create', bodies, origins).body).toMatch(/"orderId":"o[345]"/);
  });

  it('sends each scenario to its service', () => {
    const bodies = new BodyFactory(seededRng(8));
    bodies.rememberOrder('ord-1');
    const byScenario = Object.fromEntries(SCENARIO_NAMES.map((n) => [n, planScenario(n, bodies, origins)]));
    expect(byScenario.orders_create.origin).toBe(origins.orders);
    expect(byScenario.payments_list.origin).toBe(origins.payments);
    expect(byScenario.users_auth.origin).toBe(origins.users);
    expect(byScenario.users_get.path).toMatch(/^\/api\/users\/usr-1[0-4]\d$/);
    expect(JSON.parse(byScenario.users_auth.body ?? '{}')).toEqual({
      email: expect.stringMatching(/^user1[0-4]\d@example\.com$/),
      password: 'demo-password',
    });
  });
});
