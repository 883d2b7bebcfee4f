// The probes and the OpenAPI UI, served by every service through the module.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { FixtureModule } from '../../testing-fixtures/fixture.module';
import { bootstrapService } from '../bootstrap/bootstrap-service';
import { ReadinessService } from './readiness.service';

jest.setTimeout(60_000);

describe('health endpoints', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await bootstrapService(FixtureModule, {
      service: 'fixture',
      httpPort: 0,
      env: { LOG_LEVEL: 'silent' },
    });
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app?.close());

  it('answers /healthz and, once listening, /readyz with 200', async () => {
    expect(await (await fetch(`${baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, status: 'ready', checks: {} });
  });

  it('turns /readyz 503 while a registered check fails, and back', async () => {
    let databaseUp = false;
    app.get(ReadinessService).registerCheck('database', async () => databaseUp);
    const down = await fetch(`${baseUrl}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ready: false, status: 'not_ready', checks: { database: false } });
    databaseUp = true;
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
  });

  it('serves the OpenAPI UI at /docs and the document at /docs-json', async () => {
    const ui = await fetch(`${baseUrl}/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
    const doc = (await (await fetch(`${baseUrl}/docs-json`)).json()) as {
      info: { title: string };
      paths: Record<string, unknown>;
    };
    expect(doc.info.title).toBe('fixture');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/items/{id}', '/healthz', '/readyz']),
    );
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });
});
