// users, payments and orders as real processes from their build output (dist/apps/<app>), with
// the tracing preload, on free ports, sharing one throwaway embedded Postgres (a database each).
// Each service can be stopped (SIGTERM or SIGKILL) and started again on the same ports and data.
import { startTestPostgres, type TestPostgres } from '@obs/persistence';
import { freePort, type ManagedProcess, startProcess, waitForHttp } from '@obs/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type ServiceName = 'users' | 'payments' | 'orders';

const workspaceRoot = join(__dirname, '..', '..', '..', '..');

export class ServiceProcess {
  private proc?: ManagedProcess;
  private readonly logs: string[] = [];

  constructor(
    readonly name: ServiceName,
    readonly httpPort: number,
    readonly grpcPort: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  get grpcAddress(): string {
    return `127.0.0.1:${this.grpcPort}`;
  }

  /** Everything every incarnation of this service wrote, for failure messages. */
  output(): string {
    return [...this.logs, this.proc?.output() ?? ''].join('\n');
  }

  async start(): Promise<void> {
    const dist = join(workspaceRoot, 'dist', 'apps', this.name);
    if (!existsSync(join(dist, 'main.js'))) throw new Error(`${dist}/main.js is missing: build ${this.name} first (nx build ${this.name})`);
    this.proc = startProcess(process.execPath, ['--require', join(dist, 'instrumentation.js'), join(dist, 'main.js')], {
      cwd: workspaceRoot,
      env: { ...process.env, ...this.env, PORT: String(this.httpPort), GRPC_PORT: String(this.grpcPort) },
    });
    try {
      await waitForHttp(`${this.url}/readyz`, { timeoutMs: 60_000 });
    } catch (error) {
      throw new Error(`${this.name} did not become ready: ${String(error)}\n${this.output()}`);
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.proc) return;
    await this.proc.stop(signal);
    this.logs.push(this.proc.output());
    this.proc = undefined;
  }
}

export interface Stack {
  users: ServiceProcess;
  payments: ServiceProcess;
  orders: ServiceProcess;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT for all three. */
  otlpEndpoint?: string;
  /** Extra variables per service. */
  env?: Partial<Record<ServiceName, Record<string, string>>>;
}

export const ADMIN_TOKEN = 'e2e-admin-token';

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const pg: TestPostgres = await startTestPostgres({ databases: ['users', 'payments', 'orders'] });
  const ports = async () => [await freePort(), await freePort()] as const;
  const common = (name: ServiceName): Record<string, string> => ({
    DATABASE_URL: pg.urlFor(name),
    FAULT_PROFILE: 'none',
    ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
    OTEL_SERVICE_NAME: name,
    // Export spans within a fraction of a second, so the trace test does not wait for 5 s batches.
    OTEL_BSP_SCHEDULE_DELAY: '100',
    ...(options.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: options.otlpEndpoint } : {}),
    ...options.env?.[name],
  });
  const [usersPorts, paymentsPorts, ordersPorts] = [await ports(), await ports(), await ports()];
  const users = new ServiceProcess('users', ...usersPorts, common('users'));
  const payments = new ServiceProcess('payments', ...paymentsPorts, common('payments'));
  const orders = new ServiceProcess('orders', ...ordersPorts, {
    ...common('orders'),
    USERS_GRPC_URL: users.grpcAddress,
    PAYMENTS_GRPC_URL: payments.grpcAddress,
  });
  const all = [users, payments, orders];
  const stop = async () => {
    await Promise.all(all.map((s) => s.stop()));
    await pg.stop();
  };
  try {
    await Promise.all([users.start(), payments.start()]);
    await orders.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { users, payments, orders, stop };
}

/** The value of one metric series in a service's /metrics, or undefined when absent. */
export async function metricValue(service: ServiceProcess, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const matches = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (matches) return Number(line.slice(line.lastIndexOf('}') + 1).trim().split(' ')[0]);
  }
  return undefined;
}

export const sampleOrder = (userId = 'usr-100') => ({
  userId,
  items: [{ sku: 'sku-e2e', quantity: 2, unitPrice: 12.5 }],
  currency: 'EUR',
  paymentMethod: 'credit_card',
});

export async function postOrder(orders: ServiceProcess, body: object = sampleOrder(), headers: Record<string, string> = {}) {
  const res = await fetch(`${orders.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}
