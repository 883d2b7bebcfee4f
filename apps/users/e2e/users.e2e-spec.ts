// The built service as a real process (plain node + the tracing preload, as in production) against
// a real Postgres that comes and goes: honest readiness, 503s instead of crashes, marked faults.
import { freePort, ManagedProcess, startProcess, waitFor, waitForHttp } from '@obs/testing';
import { startTestPostgres, TestPostgres } from '@obs/persistence';
import { credentials, loadPackageDefinition, ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

interface GrpcUsers {
  ValidateUser(req: { userId: string }, cb: (error: ServiceError | null, value: unknown) => void): void;
  close(): void;
}

const dist = join(__dirname, '..', '..', '..', 'dist', 'apps', 'users');
const ADMIN_TOKEN = 'e2e-admin-token';

describe('users service (built, real process)', () => {
  let pg: TestPostgres | undefined;
  let service: ManagedProcess;
  let base: string;
  let pgPort: number;
  let grpcAddress: string;

  beforeAll(async () => {
    if (!existsSync(join(dist, 'main.js'))) throw new Error(`build the app first: nx build users (no ${dist}/main.js)`);
    const [httpPort, grpcPort] = [await freePort(), await freePort()];
    pgPort = await freePort();
    base = `http://127.0.0.1:${httpPort}`;
    grpcAddress = `127.0.0.1:${grpcPort}`;
    service = startProcess(process.execPath, ['--require', join(dist, 'instrumentation.js'), join(dist, 'main.js')], {
      env: {
        PATH: process.env['PATH'],
        PORT: String(httpPort),
        GRPC_PORT: String(grpcPort),
        // Nothing listens here yet: the service must start anyway and report itself unready.
        DATABASE_URL: `postgres://postgres:e2e-secret@127.0.0.1:${pgPort}/users`,
        FAULT_PROFILE: 'none',
        ADMIN_TOKEN,
        SHUTDOWN_TIMEOUT_MS: '5000',
      },
    });
  });

  afterAll(async () => {
    await service?.stop();
    await pg?.stop();
  });

  it('starts without its database: alive, not ready, and says why', async () => {
    await waitForHttp(`${base}/healthz`);
    const ready = await waitFor(
      async () => {
        const res = await fetch(`${base}/readyz`);
        const report = (await res.json()) as { status: string; checks: Record<string, boolean> };
        return report.status === 'starting' ? undefined : { code: res.status, report };
      },
      { what: 'readiness past start-up' },
    );
    expect(ready.code).toBe(503);
    expect(ready.report.checks).toEqual({ 'database:users': false });
    await waitFor(async () => (/database .* unreachable .* retrying in/.test(service.output()) ? true : undefined), {
      what: 'the unreachable-database log line',
    });
    expect(service.output()).not.toContain('e2e-secret');
  });

  it('becomes ready by itself once Postgres is up, with the schema and seed in place', async () => {
    pg = await startTestPostgres({ port: pgPort, password: 'e2e-secret' });
    await waitForHttp(`${base}/readyz`, { timeoutMs: 60_000 });
    const res = await fetch(`${base}/api/users/usr-100`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'usr-100', email: 'user100@example.com' });
  });

  it('serves gRPC from the bundle, with the .proto shipped next to main.js', async () => {
    const pkg = loadPackageDefinition(loadSync(join(dist, 'proto', 'users.proto'))) as unknown as {
      obs: { users: { v1: { UsersService: new (address: string, creds: unknown) => GrpcUsers } } };
    };
    const client = new pkg.obs.users.v1.UsersService(grpcAddress, credentials.createInsecure());
    try {
      const answer = await new Promise((resolve, reject) =>
        client.ValidateUser({ userId: 'usr-149' }, (error, value) => (error ? reject(error) : resolve(value))),
      );
      expect(answer).toEqual({ userId: 'usr-149', valid: true, reason: '' });
    } finally {
      client.close();
    }
  });

  it('marks injected faults on the request log line', async () => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
    expect((await fetch(`${base}/admin/faults`, { method: 'PUT', body: '{"errorRate":1}' })).status).toBe(401);
    expect((await fetch(`${base}/admin/faults`, { method: 'PUT', headers: auth, body: '{"errorRate":1}' })).status).toBe(200);
    const failed = await fetch(`${base}/api/users/usr-140`);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ statusCode: 503, message: expect.stringMatching(/injected fault/) });
    const line = await waitFor(
      async () =>
        service
          .output()
          .split('\n')
          .find((l) => l.includes('"/api/users/:id"') && l.includes('"http_response_status_code":503')),
      { what: 'the 503 request log line' },
    );
    expect(JSON.parse(line)).toMatchObject({ 'fault.injected': true, 'fault.kind': 'error', trace_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    await fetch(`${base}/admin/faults`, { method: 'PUT', headers: auth, body: '{"profile":"none"}' });
  });

  it('answers 503, not 500, while Postgres is down, and stays alive', async () => {
    await pg?.stop();
    pg = undefined;
    const res = await fetch(`${base}/api/users/usr-141`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ statusCode: 503, message: expect.stringMatching(/database unavailable/) });
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('exits 0 on SIGTERM', async () => {
    expect(await service.stop('SIGTERM')).toBe(0);
  });
});
