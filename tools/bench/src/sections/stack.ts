// The system under test: one embedded Postgres, the OTLP receiver, users and payments (needed by
// POST /api/orders), and orders started once per observability variant, all from dist/.
import { startTestPostgres, TestPostgres } from '@obs/persistence';
import { freePort } from '@obs/testing';
import { join } from 'node:path';
import { Child, cleanEnv, startChild } from '../lib/procs';

export interface Variant {
  readonly id: string;
  readonly label: string;
  readonly how: string;
  readonly preload?: string;
  readonly env: Record<string, string>;
  /** Per-request logs go to a file (else stdout is discarded and LOG_LEVEL=silent). */
  readonly logs: boolean;
}

export function orderVariants(otlpEndpoint: string): Variant[] {
  const export100 = { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint, OTEL_TRACES_SAMPLER: 'always_on' };
  return [
    {
      id: 'a',
      label: '(a) no observability',
      how: 'no preload, LOG_LEVEL=silent, OBS_METRICS_ENABLED=false (no metric recorded, no runtime metrics collected)',
      env: { LOG_LEVEL: 'silent', OBS_METRICS_ENABLED: 'false' },
      logs: false,
    },
    { id: 'b', label: '(b) metrics only', how: 'no preload, LOG_LEVEL=silent', env: { LOG_LEVEL: 'silent' }, logs: false },
    {
      id: 'c',
      label: '(c) everything on',
      how: '--require dist/apps/orders/instrumentation.js (default instrumentations), OTEL_TRACES_SAMPLER=always_on, OTLP/gRPC to the local receiver, LOG_LEVEL=info to a file (default LOG_SYNC=false)',
      preload: 'dist/apps/orders/instrumentation.js',
      // The service name tells (c)'s spans from (d)'s at the shared receiver; logs and metrics name the service themselves.
      env: { ...export100, OTEL_SERVICE_NAME: 'orders-c', LOG_LEVEL: 'info' },
      logs: true,
    },
    {
      id: 'd',
      label: '(d) auto-instrumentations-node',
      how: '--require @opentelemetry/auto-instrumentations-node/register (its defaults: all instrumentations, OTLP traces+metrics+logs), OTEL_EXPORTER_OTLP_PROTOCOL=grpc to the local receiver, LOG_LEVEL=info to a file; our metrics unchanged',
      preload: '@opentelemetry/auto-instrumentations-node/register',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_SERVICE_NAME: 'orders-d', LOG_LEVEL: 'info' },
      logs: true,
    },
  ];
}

export interface RunningApp {
  readonly child: Child;
  readonly url: string;
  readonly grpcPort: number;
  readonly variant?: Variant;
  readonly logFile?: string;
}

export interface Stack {
  readonly pg: TestPostgres;
  readonly receiver: Child;
  readonly receiverControl: string;
  readonly otlpEndpoint: string;
  readonly users: RunningApp;
  readonly payments: RunningApp;
  readonly orders: Map<string, RunningApp>;
  stop(): Promise<void>;
}

export async function startApp(
  app: string,
  workDir: string,
  extraEnv: Record<string, string>,
  options: { preload?: string; logs: boolean; tag?: string; nodeOptions?: string[]; wrapper?: readonly string[]; readyTimeoutMs?: number },
): Promise<RunningApp> {
  const port = await freePort();
  const grpcPort = await freePort();
  const logFile = options.logs ? join(workDir, `${app}${options.tag ? `-${options.tag}` : ''}.log`) : undefined;
  const child = await startChild({
    name: `${app}${options.tag ? ` ${options.tag}` : ''}`,
    args: [...(options.nodeOptions ?? []), ...(options.preload ? ['--require', options.preload.startsWith('@') ? options.preload : `./${options.preload}`] : []), `dist/apps/${app}/main.js`],
    env: { ...cleanEnv(), FAULT_PROFILE: 'none', PORT: String(port), GRPC_PORT: String(grpcPort), ...extraEnv },
    stdoutFile: logFile,
    readyUrl: `http://127.0.0.1:${port}/readyz`,
    wrapper: options.wrapper,
    timeoutMs: options.readyTimeoutMs,
  });
  return { child, url: `http://127.0.0.1:${port}`, grpcPort, logFile };
}

/** The local OTLP/gRPC receiver (children/otlp-receiver.ts) in its own process. */
export async function startReceiver(): Promise<{ receiver: Child; otlpEndpoint: string; receiverControl: string }> {
  const otlpPort = await freePort();
  const controlPort = await freePort();
  const receiver = await startChild({
    name: 'otlp-receiver',
    args: ['-r', '@swc-node/register', 'tools/bench/src/children/otlp-receiver.ts'],
    env: { ...cleanEnv(), SWC_NODE_PROJECT: 'tsconfig.base.json', OTLP_GRPC_PORT: String(otlpPort), CONTROL_PORT: String(controlPort) },
  });
  return { receiver, otlpEndpoint: `http://127.0.0.1:${otlpPort}`, receiverControl: `http://127.0.0.1:${controlPort}` };
}

export async function startStack(workDir: string, log: (line: string) => void): Promise<Stack> {
  const pg = await startTestPostgres({ databases: ['orders', 'payments', 'users'] });
  const { receiver, otlpEndpoint, receiverControl } = await startReceiver();
  const production = { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint, LOG_LEVEL: 'info' };
  const preload = (app: string) => `dist/apps/${app}/instrumentation.js`;
  const users = await startApp('users', workDir, { ...production, DATABASE_URL: pg.urlFor('users') }, { preload: preload('users'), logs: true });
  log(`users ready in ${users.child.readyMs.toFixed(0)} ms`);
  const payments = await startApp('payments', workDir, { ...production, DATABASE_URL: pg.urlFor('payments') }, { preload: preload('payments'), logs: true });
  log(`payments ready in ${payments.child.readyMs.toFixed(0)} ms`);
  const grpcOf = (app: RunningApp) => `127.0.0.1:${app.grpcPort}`;
  const orders = new Map<string, RunningApp>();
  for (const variant of orderVariants(otlpEndpoint)) {
    const env = { ...variant.env, DATABASE_URL: pg.urlFor('orders'), USERS_GRPC_URL: grpcOf(users), PAYMENTS_GRPC_URL: grpcOf(payments) };
    const app = await startApp('orders', workDir, env, { preload: variant.preload, logs: variant.logs, tag: variant.id });
    orders.set(variant.id, { ...app, variant });
    log(`orders ${variant.label} ready in ${app.child.readyMs.toFixed(0)} ms`);
  }
  return {
    pg,
    receiver,
    receiverControl,
    otlpEndpoint,
    users,
    payments,
    orders,
    async stop() {
      for (const app of [...orders.values(), payments, users]) await app.child.stop();
      await receiver.stop();
      await pg.stop();
    },
  };
}
