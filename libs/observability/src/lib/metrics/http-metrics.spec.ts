// The fixture module on a real port in this process: every outcome is recorded with its route
// template, and ids in paths never become label values.
import { UNMATCHED_ROUTE } from '@obs/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { samples, scrape } from '../../testing';
import { FixtureModule } from '../../testing-fixtures/fixture.module';
import { bootstrapService } from '../bootstrap/bootstrap-service';

jest.setTimeout(60_000);

describe('http_server_request_duration_seconds', () => {
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

  async function countsByRoute(): Promise<Map<string, number>> {
    const { body } = await scrape(baseUrl, 'classic');
    const counts = new Map<string, number>();
    for (const s of samples(body, 'http_server_request_duration_seconds_count')) {
      const key = `${s.labels['http_request_method']} ${s.labels['http_route']} ${s.labels['http_response_status_code']}`;
      counts.set(key, (counts.get(key) ?? 0) + s.value);
    }
    return counts;
  }

  const json = (body: unknown) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  it('records success, 4xx, 5xx and Fastify body errors under the route template', async () => {
    const before = await countsByRoute();
    const requests: Array<[string, RequestInit | undefined, string]> = [
      ['/api/items/1', undefined, 'GET /api/items/:id 200'],
      ['/api/items/missing', undefined, 'GET /api/items/:id 404'],
      ['/api/secret', undefined, 'GET /api/secret 403'],
      ['/api/boom', undefined, 'GET /api/boom 500'],
      ['/api/unavailable', undefined, 'GET /api/unavailable 503'],
      ['/api/items', json({ name: 'x', quantity: 0 }), 'POST /api/items 400'],
      ['/api/items', { ...json({}), body: '{"name":' }, 'POST /api/items 400'],
      ['/api/items', json({ name: 'x'.repeat(2_000), quantity: 1 }), 'POST /api/items 413'],
      ['/no/such/route/123', undefined, `GET ${UNMATCHED_ROUTE} 404`],
    ];
    for (const [path, init] of requests) await fetch(`${baseUrl}${path}`, init);
    const after = await countsByRoute();
    const added = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(added('GET /api/items/:id 200')).toBe(1);
    expect(added('GET /api/items/:id 404')).toBe(1);
    expect(added('GET /api/secret 403')).toBe(1);
    expect(added('GET /api/boom 500')).toBe(1);
    expect(added('GET /api/unavailable 503')).toBe(1);
    expect(added('POST /api/items 400')).toBe(2);
    expect(added('POST /api/items 413')).toBe(1);
    expect(added(`GET ${UNMATCHED_ROUTE} 404`)).toBe(1);
  });

  it('adds no label values for 1,000 requests with distinct ids, matched or not', async () => {
    await fetch(`${baseUrl}/api/items/warm-up`);
    await fetch(`${baseUrl}/nothing/here`);
    const seriesBefore = [...(await countsByRoute()).keys()].sort();
    for (let batch = 0; batch < 50; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const id = `id-${batch}-${i}`;
          return fetch(`${baseUrl}${i % 2 === 0 ? `/api/items/${id}` : `/nothing/${id}`}`).then((r) =>
            r.arrayBuffer(),
          );
        }),
      );
    }
    const after = await countsByRoute();
    expect([...after.keys()].sort()).toEqual(seriesBefore);
    const { body } = await scrape(baseUrl, 'classic');
    expect(body).not.toMatch(/id-\d+-\d+/);
  });
});

describe('OBS_METRICS_ENABLED=false', () => {
  it('leaves /metrics up but empty: no request recorded, no runtime metrics', async () => {
    const app = await bootstrapService(FixtureModule, {
      service: 'fixture',
      httpPort: 0,
      env: { LOG_LEVEL: 'silent', OBS_METRICS_ENABLED: 'false' },
    });
    try {
      const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      expect((await fetch(`${baseUrl}/api/items/1`)).status).toBe(200);
      const { body } = await scrape(baseUrl, 'openmetrics');
      expect(samples(body, 'http_server_request_duration_seconds_count')).toEqual([]);
      expect(samples(body, 'process_cpu_seconds_total')).toEqual([]);
      expect(body.trim()).toBe('# EOF');
    } finally {
      await app.close();
    }
  });
});
