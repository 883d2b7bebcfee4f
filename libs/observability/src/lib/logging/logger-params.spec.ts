import type { Options } from 'pino-http';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { pinoHttpOptions } from './logger-params';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}

describe('loggerParams', () => {
  const options: Options = pinoHttpOptions({ service: 'orders', version: '1.0.0', level: 'info', format: 'json' });

  it('writes JSON lines with level, time, msg and service', () => {
    const { stream, lines } = capture();
    pino(options, stream).info({ order_id: 'o-1' }, 'order stored');
    expect(lines()[0]).toMatchObject({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      msg: 'order stored',
      service: 'orders',
      version: '1.0.0',
      order_id: 'o-1',
    });
  });

  it('redacts passwords, tokens and credentials', () => {
    const { stream, lines } = capture();
    pino(options, stream).info(
      {
        password: 'p1',
        body: { password: 'p2', token: 't1', refreshToken: 't2' },
        req: { headers: { authorization: 'Bearer x', cookie: 's=1' } },
      },
      'login',
    );
    const line = JSON.stringify(lines()[0]);
    for (const secret of ['p1', 'p2', 't1', 't2', 'Bearer x', 's=1']) expect(line).not.toContain(secret);
    expect(lines()[0]).toMatchObject({ password: '[REDACTED]', body: { password: '[REDACTED]' } });
  });
});

describe('redaction', () => {
  const options: Options = pinoHttpOptions({ service: 'orders', level: 'info', format: 'json' });

  it('censors secrets in child logger bindings and one level down, without touching the caller’s objects', () => {
    const { stream, lines } = capture();
    const body = { user: 'ada', password: 'p3', apiKey: 'k1' };
    pino(options, stream).child({ token: 't3' }).info({ body, cookie: 'c1', secret: 's1' }, 'signup');
    const line = lines()[0];
    expect(line).toMatchObject({
      token: '[REDACTED]',
      cookie: '[REDACTED]',
      secret: '[REDACTED]',
      body: { user: 'ada', password: '[REDACTED]', apiKey: '[REDACTED]' },
    });
    for (const secret of ['p3', 'k1', 't3', 'c1', 's1']) expect(JSON.stringify(line)).not.toContain(secret);
    expect(body).toEqual({ user: 'ada', password: 'p3', apiKey: 'k1' });
  });

  it('leaves errors and lines without secrets as they are', () => {
    const { stream, lines } = capture();
    pino(options, stream).error({ err: new Error('boom'), order: { id: 'o-1' } }, 'failed');
    expect(lines()[0]).toMatchObject({ err: { message: 'boom', stack: expect.stringContaining('Error: boom') }, order: { id: 'o-1' } });
  });
});
