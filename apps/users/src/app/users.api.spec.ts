// The REST API on the real module (Fastify, validation, filters, Postgres): what a client sees.
import { SEED_USERS } from '@obs/contracts';
import request from 'supertest';
import { startUsersTestApp, UsersTestApp } from '../testing/users-test-app';

jest.setTimeout(60_000);

let t: UsersTestApp;
beforeAll(async () => {
  t = await startUsersTestApp({ AUTH_MAX_FAILURES_PER_MINUTE: '3' });
});
afterAll(() => t?.stop());

async function metric(line: RegExp): Promise<number> {
  const res = await request(t.http).get('/metrics');
  const match = res.text.split('\n').find((l) => line.test(l));
  return match ? Number(match.split(' ').pop()) : 0;
}

describe('users REST API', () => {
  it('serves the seeded users usr-100 … usr-149 from the first start', async () => {
    const res = await request(t.http).get('/api/users/usr-149');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'usr-149', email: SEED_USERS.emailFor(149), name: SEED_USERS.nameFor(149) });
  });

  it('pages through every user exactly once with the cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(t.http)
        .get('/api/users')
        .query({ limit: 7, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((u: { id: string }) => u.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const seeds = seen.filter((id) => Number(id.slice(4)) <= SEED_USERS.last);
    expect(seeds).toHaveLength(50);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seeds[0]).toBe('usr-100');
  });

  it('creates a user that can then be read, validated and logged in', async () => {
    const created = await request(t.http).post('/api/users').send({ email: ' Ada@Example.com ', name: 'Ada', password: 'analytical-engine' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
    expect(created.body.id).toMatch(/^usr-\d+$/);
    expect(Number(created.body.id.slice(4))).toBeGreaterThanOrEqual(1000);

    expect((await request(t.http).get(`/api/users/${created.body.id}`)).body.email).toBe('ada@example.com');
    const validation = await request(t.http).get('/api/users/validate').query({ userId: created.body.id });
    expect(validation.body).toEqual({ userId: created.body.id, valid: true, reason: '' });
    const login = await request(t.http).post('/api/users/auth').send({ email: 'ada@example.com', password: 'analytical-engine' });
    expect(login.status).toBe(200);
    expect(login.body.userId).toBe(created.body.id);

    const duplicate = await request(t.http).post('/api/users').send({ email: 'ADA@example.com', name: 'Other Ada' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toMatch(/already exists/);
  });

  it('answers validate for unknown and malformed ids without an error', async () => {
    for (const userId of ['usr-99999', 'nobody']) {
      const res = await request(t.http).get('/api/users/validate').query({ userId });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ userId, valid: false, reason: 'not_found' });
    }
  });

  it('logs seeded users in, counts attempts and sessions, and rate limits repeated failures', async () => {
    const sessionsBefore = await metric(/^active_sessions /);
    const ok = await request(t.http).post('/api/users/auth').send({ email: SEED_USERS.emailFor(120), password: SEED_USERS.password });
    expect(ok.status).toBe(200);
    expect(ok.body.sessionToken).toMatch(/^[\w-]{20,}$/);
    expect(await metric(/^active_sessions /)).toBe(sessionsBefore + 1);

    const email = SEED_USERS.emailFor(121);
    for (let i = 0; i < 3; i++) {
      const wrong = await request(t.http).post('/api/users/auth').send({ email, password: 'guess' });
      expect(wrong.status).toBe(401);
    }
    const limited = await request(t.http).post('/api/users/auth').send({ email, password: SEED_USERS.password });
    expect(limited.status).toBe(429);
    expect(await metric(/^user_auth_attempts_total\{result="rate_limited"\}/)).toBeGreaterThanOrEqual(1);
    expect(await metric(/^user_auth_attempts_total\{result="invalid_credentials"\}/)).toBeGreaterThanOrEqual(3);
  });

  it('serves repeated reads from the cache and counts hits and misses', async () => {
    const hits = await metric(/^cache_requests_total\{cache="users",result="hit"\}/);
    const misses = await metric(/^cache_requests_total\{cache="users",result="miss"\}/);
    await request(t.http).get('/api/users/usr-133').expect(200);
    await request(t.http).get('/api/users/usr-133').expect(200);
    await request(t.http).get('/api/users/usr-133').expect(200);
    expect(await metric(/^cache_requests_total\{cache="users",result="miss"\}/)).toBe(misses + 1);
    expect(await metric(/^cache_requests_total\{cache="users",result="hit"\}/)).toBe(hits + 2);
  });

  it('publishes its OpenAPI document', async () => {
    const res = await request(t.http).get('/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/users', '/api/users/{id}', '/api/users/validate', '/api/users/auth', '/admin/faults']),
    );
  });
});
