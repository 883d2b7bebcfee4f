import { CliUsageError, parseCliArgs, parseDuration } from './cli-args';

describe('CLI arguments', () => {
  it('parses a single-target benchmark run', () => {
    expect(
      parseCliArgs(['--rps', '500', '--duration', '60s', '--target', 'http://localhost:8081', '--json'], {}),
    ).toEqual({
      rps: 500,
      durationMs: 60_000,
      mode: { kind: 'single', target: 'http://localhost:8081', path: '/', method: 'GET', body: undefined },
      concurrency: 1_000,
      timeoutMs: 10_000,
      diurnal: false,
      dayMinutes: 60,
      seed: undefined,
      json: true,
    });
  });

  it('takes the path from the target URL unless --path is given, and mix targets from the environment', () => {
    const single = parseCliArgs(['--target', 'http://h:1/api/orders?limit=5'], {});
    expect(single !== 'help' && single.mode).toMatchObject({
      target: 'http://h:1',
      path: '/api/orders?limit=5',
    });
    const mix = parseCliArgs(['--mix', '--users-url', 'http://u:3'], { ORDERS_URL: 'http://o:1' });
    expect(mix !== 'help' && mix.mode).toEqual({
      kind: 'mix',
      origins: { orders: 'http://o:1/', payments: 'http://127.0.0.1:8082/', users: 'http://u:3/' },
    });
  });

  it.each([
    [['--rps', '0', '--target', 'http://h'], '--rps'],
    [['--rps', 'lots', '--target', 'http://h'], '--rps'],
    [['--duration', 'forever', '--target', 'http://h'], '--duration'],
    [['--target', 'ftp://h'], '--target'],
    [['--target', 'http://h', '--mix'], 'exclusive'],
    [[], '--target'],
    [['--target', 'http://h', '--bogus'], 'bogus'],
    [['--target', 'http://h', '--body', '{nope'], '--body'],
  ])('rejects %j with a usage error naming the flag', (argv, named) => {
    expect(() => parseCliArgs(argv, {})).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv, {})).toThrow(named);
  });

  it('reads durations in ms, s, m and h', () => {
    expect([
      parseDuration('250ms', 'x'),
      parseDuration('1.5s', 'x'),
      parseDuration('2m', 'x'),
      parseDuration('3', 'x'),
    ]).toEqual([250, 1_500, 120_000, 3_000]);
  });
});
