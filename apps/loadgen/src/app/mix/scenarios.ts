// The eight requests of the traffic mix, each turned into a concrete HTTP request with a body.
import { BodyFactory } from '../bodies/body-factory';
import { ScenarioName } from './scenario-names';

export type TargetService = 'orders' | 'payments' | 'users';

export interface PlannedRequest {
  scenario: string;
  /** Base URL of the target, e.g. http://127.0.0.1:8081 */
  origin: string;
  method: 'GET' | 'POST';
  path: string;
  /** Route template, used as span name and never as a metric label value of its own. */
  route: string;
  headers: Record<string, string>;
  body?: string;
  /** Read the JSON response and remember the created order's id. */
  captureOrderId?: boolean;
}

interface ScenarioDefinition {
  service: TargetService;
  method: 'GET' | 'POST';
  route: string;
  /** False while the scenario cannot produce a meaningful request yet. */
  available?: (bodies: BodyFactory) => boolean;
  build: (bodies: BodyFactory) => {
    path: string;
    body?: unknown;
    idempotent?: false;
    captureOrderId?: boolean;
  };
}

const SCENARIOS: Record<ScenarioName, ScenarioDefinition> = {
  orders_list: {
    service: 'orders',
    method: 'GET',
    route: '/api/orders',
    build: () => ({ path: '/api/orders?limit=20' }),
  },
  orders_create: {
    service: 'orders',
    method: 'POST',
    route: '/api/orders',
    build: (b) => ({ path: '/api/orders', body: b.createOrder(), idempotent: false, captureOrderId: true }),
  },
  orders_get: {
    service: 'orders',
    method: 'GET',
    route: '/api/orders/:id',
    available: (b) => b.hasKnownOrder(),
    build: (b) => ({ path: `/api/orders/${encodeURIComponent(b.knownOrderId() ?? '')}` }),
  },
  payments_create: {
    service: 'payments',
    method: 'POST',
    route: '/api/payments',
    build: (b) => ({ path: '/api/payments', body: b.createPayment(), idempotent: false }),
  },
  payments_list: {
    service: 'payments',
    method: 'GET',
    route: '/api/payments',
    build: () => ({ path: '/api/payments' }),
  },
  users_get: {
    service: 'users',
    method: 'GET',
    route: '/api/users/:id',
    build: (b) => ({ path: `/api/users/${b.userId()}` }),
  },
  users_list: { service: 'users', method: 'GET', route: '/api/users', build: () => ({ path: '/api/users' }) },
  users_auth: {
    service: 'users',
    method: 'POST',
    route: '/api/users/auth',
    build: (b) => ({ path: '/api/users/auth', body: b.auth(), idempotent: false }),
  },
};

export type TargetOrigins = Record<TargetService, string>;

export function isScenarioAvailable(name: ScenarioName, bodies: BodyFactory): boolean {
  return SCENARIOS[name].available?.(bodies) ?? true;
}

/** A concrete request for one draw of the mix; writes carry a fresh Idempotency-Key. */
export function planScenario(
  name: ScenarioName,
  bodies: BodyFactory,
  origins: TargetOrigins,
): PlannedRequest {
  const def = SCENARIOS[name];
  const built = def.build(bodies);
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (built.body !== undefined) {
    body = JSON.stringify(built.body);
    headers['content-type'] = 'application/json';
  }
  if (built.idempotent === false) headers['idempotency-key'] = bodies.idempotencyKey();
  return {
    scenario: name,
    origin: origins[def.service],
    method: def.method,
    path: built.path,
    route: def.route,
    headers,
    body,
    captureOrderId: built.captureOrderId,
  };
}
