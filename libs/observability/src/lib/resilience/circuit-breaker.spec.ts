import { Registry } from 'prom-client';
import { DependencyUnavailableError, isDependencyUnavailable } from './dependency-unavailable.error';
import { ResilienceRegistry } from './resilience-registry';
import { captureLogs, deferred, grpcError, scrapeSample, testOptions } from './resilience.spec-helpers';

// cockatiel's breaker reads Date.now() to decide when to half-open; faking only Date makes that
// clock injectable while real timers and promises keep running.
const realTimers = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'setImmediate',
  'clearImmediate',
  'nextTick',
  'queueMicrotask',
  'hrtime',
  'performance',
] as const;

describe('circuit breaker', () => {
  let prom: Registry;
  let logs: ReturnType<typeof captureLogs>;
  let resilience: ResilienceRegistry;
  const target = 'payments';
  const options = testOptions({ breaker: { consecutiveFailures: 3, halfOpenAfterMs: 10_000 } });
  const outage = () => Promise.reject(grpcError(14, 'connection refused'));
  const state = () => scrapeSample(prom, 'circuit_breaker_state', { target });
  const transitions = (to: string) => scrapeSample(prom, 'circuit_breaker_transitions_total', { target, to });

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: [...realTimers], now: new Date('2026-01-01T00:00:00Z') });
    prom = new Registry();
    logs = captureLogs();
    resilience = new ResilienceRegistry(prom, logs.logger);
  });
  afterEach(() => jest.useRealTimers());

  it('opens after the configured consecutive failures, fails fast, half-opens and closes', async () => {
    const policy = resilience.policy(target, options);
    expect(await state()).toBe(0);

    for (let i = 0; i < 2; i++)
      await expect(policy.execute(outage, { idempotent: false })).rejects.toMatchObject({ code: 14 });
    expect(policy.state()).toBe('closed');
    // The third failure opens it; the caller still sees the callee's own error for that call.
    await expect(policy.execute(outage, { idempotent: false })).rejects.toMatchObject({ code: 14 });
    expect(policy.state()).toBe('open');
    expect(await state()).toBe(2);
    expect(await transitions('open')).toBe(1);
    expect(logs.lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        target,
        breakerState: 'open',
        lastFailure: '14 connection refused',
      }),
    );

    // While open: the callee is not called at all and the caller gets a 503-able error.
    const callee = jest.fn(() => Promise.resolve('never'));
    const rejected = await policy.execute(callee, { idempotent: false }).catch((e: unknown) => e);
    expect(callee).not.toHaveBeenCalled();
    expect(isDependencyUnavailable(rejected)).toBe(true);
    expect(rejected).toMatchObject({ target, reason: 'breaker_open' });

    // After halfOpenAfterMs the next call is the probe; the breaker is half-open while it runs.
    jest.setSystemTime(Date.now() + 10_001);
    const probe = deferred<string>();
    const probeCall = policy.execute(() => probe.promise, { idempotent: false });
    expect(policy.state()).toBe('half-open');
    expect(await state()).toBe(1);
    expect(await transitions('half-open')).toBe(1);

    probe.resolve('ok');
    await expect(probeCall).resolves.toBe('ok');
    expect(policy.state()).toBe('closed');
    expect(await state()).toBe(0);
    expect(await transitions('closed')).toBe(1);
    expect(logs.lines.map((l) => [l['level'], l['breakerState']])).toEqual([
      [40, 'open'],
      [30, 'half-open'],
      [30, 'closed'],
    ]);
    await expect(policy.execute(() => Promise.resolve(42), { idempotent: false })).resolves.toBe(42);
  });

  it('re-opens when the half-open probe fails', async () => {
    const policy = resilience.policy(target, options);
    for (let i = 0; i < 3; i++) await policy.execute(outage, { idempotent: false }).catch(() => undefined);
    jest.setSystemTime(Date.now() + 10_001);

    await expect(policy.execute(outage, { idempotent: false })).rejects.toMatchObject({ code: 14 });
    expect(policy.state()).toBe('open');
    expect(await state()).toBe(2);
    expect(await transitions('open')).toBe(2);
    await expect(policy.execute(outage, { idempotent: false })).rejects.toBeInstanceOf(
      DependencyUnavailableError,
    );
  });

  it('does not count domain answers such as NOT_FOUND or HTTP 404 as failures', async () => {
    const policy = resilience.policy(target, options);
    for (let i = 0; i < 5; i++) {
      await expect(
        policy.execute(() => Promise.reject(grpcError(5, 'no such user')), { idempotent: false }),
      ).rejects.toMatchObject({ code: 5 });
      await expect(
        policy.execute(() => Promise.reject(Object.assign(new Error('nope'), { statusCode: 404 })), {
          idempotent: false,
        }),
      ).rejects.toThrow('nope');
    }
    expect(policy.state()).toBe('closed');
    expect(await transitions('open')).toBe(0);
  });

  it('lets the caller decide what counts as a failure', async () => {
    class Declined extends Error {}
    const policy = resilience.policy(target, { ...options, isFailure: (e) => !(e instanceof Declined) });
    for (let i = 0; i < 5; i++)
      await policy
        .execute(() => Promise.reject(new Declined('card declined')), { idempotent: false })
        .catch(() => undefined);
    expect(policy.state()).toBe('closed');
    for (let i = 0; i < 3; i++)
      await policy
        .execute(() => Promise.reject(new Error('boom')), { idempotent: false })
        .catch(() => undefined);
    expect(policy.state()).toBe('open');
  });

  it('resets the consecutive count after a success', async () => {
    const policy = resilience.policy(target, options);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) await policy.execute(outage, { idempotent: false }).catch(() => undefined);
      await policy.execute(() => Promise.resolve('ok'), { idempotent: false });
    }
    expect(policy.state()).toBe('closed');
  });
});
