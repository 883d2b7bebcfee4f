// Every kind of bad input gets the right 4xx with a JSON message, and the service stays healthy.
import request from 'supertest';
import { startUsersTestApp, UsersTestApp } from '../testing/users-test-app';

jest.setTimeout(60_000);

let t: UsersTestApp;
beforeAll(async () => {
  t = await startUsersTestApp();
});
afterAll(() => t?.stop());

type Case = [name: string, method: 'get' | 'post', path: string, body: unknown, status: number, message: RegExp];

const valid = { email: 'bad-input@example.com', name: 'Bad Input' };

const cases: Case[] = [
  ['malformed JSON', 'post', '/api/users', '{"email": "a@b.c", ', 400, /JSON/],
  ['a JSON array', 'post', '/api/users', [valid], 400, /email/],
  ['a wrong type', 'post', '/api/users', { email: 42, name: 'x' }, 400, /email must be/],
  ['missing fields', 'post', '/api/users', {}, 400, /email.*name|name.*email/s],
  ['an unknown field', 'post', '/api/users', { ...valid, role: 'admin' }, 400, /property role should not exist/],
  ['a non-email', 'post', '/api/users', { ...valid, email: 'not-an-email' }, 400, /email must be an email address/],
  ['an overlong name', 'post', '/api/users', { ...valid, name: 'x'.repeat(101) }, 400, /name must be shorter than or equal to 100/],
  ['an empty name', 'post', '/api/users', { ...valid, name: '   ' }, 400, /name must be longer than or equal to 1/],
  ['a short password', 'post', '/api/users', { ...valid, password: 'short' }, 400, /password must be longer/],
  ['an oversize body', 'post', '/api/users', { ...valid, name: 'x'.repeat(40_000) }, 413, /too large/i],
  ['limit 0', 'get', '/api/users?limit=0', undefined, 400, /limit must not be less than 1/],
  ['a negative limit', 'get', '/api/users?limit=-5', undefined, 400, /limit must not be less than 1/],
  ['a huge limit', 'get', '/api/users?limit=1e12', undefined, 400, /limit must not be greater than 100/],
  ['a non-numeric limit', 'get', '/api/users?limit=ten', undefined, 400, /limit must be an integer/],
  ['a forged cursor', 'get', '/api/users?cursor=bm9wZQ', undefined, 400, /cursor/],
  ['an unknown query parameter', 'get', '/api/users?sort=name', undefined, 400, /property sort should not exist/],
  ['a malformed id', 'get', '/api/users/abc', undefined, 400, /id must look like usr-<digits>/],
  ['an overlong id', 'get', `/api/users/usr-${'9'.repeat(40)}`, undefined, 400, /id must look like/],
  ['an unknown id', 'get', '/api/users/usr-987654', undefined, 404, /not found/],
  ['validate without userId', 'get', '/api/users/validate', undefined, 400, /userId/],
  ['auth without password', 'post', '/api/users/auth', { email: 'user100@example.com' }, 400, /password/],
  ['auth with a wrong password', 'post', '/api/users/auth', { email: 'user101@example.com', password: 'nope' }, 401, /invalid email or password/],
  ['auth for an unknown email', 'post', '/api/users/auth', { email: 'ghost@example.com', password: 'whatever1' }, 401, /invalid/],
  ['an unknown route', 'get', '/api/nothing', undefined, 404, /.+/],
];

describe('users bad input', () => {
  it.each(cases)('%s → %d', async (_name, method, path, body, status, message) => {
    let req = request(t.http)[method](path);
    if (typeof body === 'string') req = req.set('content-type', 'application/json').send(body);
    else if (body !== undefined) req = req.send(body as object);
    const res = await req;
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.statusCode).toBe(status);
    expect(JSON.stringify(res.body.message)).toMatch(message);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('rejects a body that is not a JSON object with 400', async () => {
    const res = await request(t.http).post('/api/users').set('content-type', 'text/plain').send('email=a@b.c');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toMatch(/email/);
  });

  it('is still healthy and ready afterwards', async () => {
    await request(t.http).get('/healthz').expect(200);
    await request(t.http).get('/readyz').expect(200);
  });
});
