// The four apps as real processes from their build output (dist/apps/<app>, with the tracing
// preload), on free ports, sharing one throwaway embedded Postgres, exporting traces to the suite's
// OTLP receiver. Traffic comes from the real load generator.
import { startTestPostgres, type TestPostgres } from '@obs/persistence';
import { freePort, type ManagedProcess, startProcess, waitForHttp } from '@obs/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './monitoring-configs';

export const APP_NAMES = ['users', 'payments', 'orders', 'loadgen'] as const;
export type AppName = (typeof APP_NAMES)[number];

export const ADMIN_TOKEN = 'platform-e2e-admin-token';

export class AppProcess {
  private proc?: ManagedProcess;

  constructor(
    readonly name: AppName,
    readonly httpPort: number,
    readonly grpcPort: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  get grpcAddress(): string {
    return `127.0.0.1:${this.grpcPort}`;
  }

  output(): string {
    return this.proc?.output() ?? '';
  }

  /** The JSON log lines written so far (other output, e.g. a stack trace, is left out). */
  logLines(): Record<string, unknown>[] {
    return this.output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
  }

  async start(env: Record<string, string>): Promise<void> {
    const dist = join(workspaceRoot, 'dist', 'apps', this.name);
    if (!existsSync(join(dist, 'main.js'))) throw new Error(`${dist}/main.js is missing: run nx build ${this.name} first`);
    this.proc = startProcess(process.execPath, ['--require', join(dist, 'instrumentation.js'), join(dist, 'main.js')], {
      cwd: workspaceRoot,
      env: { ...process.env, ...env, PORT: String(this.httpPort), GRPC_PORT: String(this.grpcPort) },
    });
    try {
      await waitForHttp(`${this.url}/readyz`, { timeoutMs: 90_000 });
    } catch (error) {
      throw new Error(`${this.name} did not become ready: ${String(error)}\n${this.output()}`);
    }
  }

  async stop(): Promise<void> {
    await this.proc?.stop('SIGTERM', 15_000);
  }
}

export interface Platform {
  readonly apps: Readonly<Record<AppName, AppProcess>>;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  readonly otlpEndpoint: string;
  /** Load generator arrival rate; diurnal swings and random bursts are off so the load is steady. */
  readonly rps: number;
}

/** Free ports for every app, known before anything starts (Prometheus' config needs them). */
export async function allocateApps(): Promise<Record<AppName, AppProcess>> {
  const apps = {} as Record<AppName, AppProcess>;
  for (const name of APP_NAMES) apps[name] = new AppProcess(name, await freePort(), await freePort());
  return apps;
}

export async function startPlatform(apps: Record<AppName, AppProcess>, options: PlatformOptions): Promise<Platform> {
  const pg: TestPostgres = await startTestPostgres({ databases: ['users', 'payments', 'orders'] });
  const stop = async () => {
    // Traffic first, then callers before callees, so shutdown logs no avoidable errors.
    for (const name of ['loadgen', 'orders', 'payments', 'users'] as const) await apps[name].stop();
    await pg.stop();
  };
  const common = (name: AppName): Record<string, string> => ({
    ADMIN_TOKEN,
    // No injected errors or latency: the suite injects the one fault it tests.
    FAULT_PROFILE: 'none',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    OTEL_SERVICE_NAME: name,
    OTEL_EXPORTER_OTLP_ENDPOINT: options.otlpEndpoint,
    // Export within half a second instead of 5 s batches.
    OTEL_BSP_SCHEDULE_DELAY: '500',
    ...(name === 'loadgen' ? {} : { DATABASE_URL: pg.urlFor(name) }),
  });
  try {
    await Promise.all([apps.users.start(common('users')), apps.payments.start(common('payments'))]);
    await apps.orders.start({
      ...common('orders'),
      USERS_GRPC_URL: apps.users.grpcAddress,
      PAYMENTS_GRPC_URL: apps.payments.grpcAddress,
      // A quick half-open probe, so the breaker closes within seconds of payments' recovery.
      BREAKER_HALF_OPEN_MS: '2000',
      // Budgets for a busy 2-core CI machine: a slow (not failing) callee must not turn into 503s
      // that burn the availability SLO before the suite injects its fault.
      USERS_TIMEOUT_MS: '5000',
      PAYMENTS_TIMEOUT_MS: '5000',
    });
    await apps.loadgen.start({
      ...common('loadgen'),
      ORDERS_URL: apps.orders.url,
      PAYMENTS_URL: apps.payments.url,
      USERS_URL: apps.users.url,
      LOADGEN_RPS: String(options.rps),
      LOADGEN_DIURNAL: 'false',
      LOADGEN_BURST_PROBABILITY: '0',
      LOADGEN_SEED: '42',
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { apps, stop };
}
