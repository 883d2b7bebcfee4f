import type { Options } from 'pino-http';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { loggerParams } from './logger-params';

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
  const options = loggerParams({ service: 'orders', version: '1.0.0', level: 'info', format: 'json' })
    .pinoHttp as Options;

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
