// What a client sees when things go wrong: a 4xx/5xx JSON body {statusCode, error, message,
// traceId}, never a stack trace or an internal message, never a 500 for bad input.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { FixtureModule } from '../../testing-fixtures/fixture.module';
import { bootstrapService } from '../bootstrap/bootstrap-service';

jest.setTimeout(60_000);

describe('HTTP error responses', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await bootstrapService(FixtureModule, {
      service: 'fixture',
      httpPort: 0,
      bodyLimitBytes: 1024,
      env: { LOG_LEVEL: 'silent' },
    });
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app?.close());

  async function call(
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; body: Record<string, unknown>; type: string }> {
    const res = await fetch(`${baseUrl}${path}`, init);
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: (await res.json()) as Record<string, unknown>,
    };
  }

  const post = (body: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it.each([
    ['an unknown id', '/api/items/missing', undefined, 404, 'Not Found', 'item missing not found'],
    ['a guard rejection', '/api/secret', undefined, 403, 'Forbidden', 'Forbidden resource'],
    ['an unmatched route', '/nope', undefined, 404, 'Not Found', 'Cannot GET /nope'],
    [
      'an open breaker',
      '/api/unavailable',
      undefined,
      503,
      'Service Unavailable',
      expect.stringContaining('circuit breaker is open'),
    ],
    ['malformed JSON', '/api/items', post('{"name":'), 400, 'Bad Request', expect.stringContaining('JSON')],
    [
      'an oversize body',
      '/api/items',
      post(JSON.stringify({ name: 'x'.repeat(2_000) })),
      413,
      'Payload Too Large',
      expect.any(String),
    ],
    [
      'a DTO that fails validation',
      '/api/items',
      post(JSON.stringify({ name: '', quantity: 0, admin: true })),
      400,
      'Bad Request',
      expect.arrayContaining(['property admin should not exist', 'quantity must not be less than 1']),
    ],
  ])('maps %s to %i JSON', async (_case, path, init, statusCode, error, message) => {
    const res = await call(path, init);
    expect(res.status).toBe(statusCode);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.body).toEqual({ statusCode, error, message, traceId: null });
  });

  it('hides the message and stack of unexpected errors', async () => {
    const res = await call('/api/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
      traceId: null,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/hunter2|\.ts:\d+/);
  });

  it('accepts a valid body and strips nothing it declares', async () => {
    const res = await call('/api/items', post(JSON.stringify({ name: 'pen', quantity: 2 })));
    expect(res).toMatchObject({ status: 201, body: { id: 'item-1', name: 'pen', quantity: 2 } });
  });
});
