import { Counter, Registry, type OpenMetricsContentType } from 'prom-client';
import { DependencyUnavailableError, isDependencyUnavailable } from './dependency-unavailable.error';
import { ResilienceRegistry } from './resilience-registry';
import { captureLogs, grpcError, scrapeSample, testOptions } from './resilience.spec-helpers';

describe('ResilienceRegistry', () => {
  const logger = captureLogs().logger;

  it('returns one policy per target, so every caller shares its breaker', async () => {
    const resilience = new ResilienceRegistry(new Registry(), logger);
    const options = testOptions({ breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } });
    const fromOrders = resilience.policy('users', options);
    const fromElsewhere = resilience.policy('users', { ...options, timeoutMs: 5 });
    expect(fromElsewhere).toBe(fromOrders);
    expect(resilience.policy('payments', options)).not.toBe(fromOrders);

    for (let i = 0; i < 2; i++)
      await fromOrders
        .execute(() => Promise.reject(grpcError(14, 'down')), { idempotent: false })
        .catch(() => undefined);
    expect(fromElsewhere.state()).toBe('open');
    expect(resilience.policy('payments', options).state()).toBe('closed');
  });

  it('exposes every series at zero for a new target', async () => {
    const prom = new Registry();
    new ResilienceRegistry(prom, logger).policy('users', testOptions());
    expect(await scrapeSample(prom, 'circuit_breaker_state', { target: 'users' })).toBe(0);
    for (const to of ['closed', 'half-open', 'open']) {
      expect(await scrapeSample(prom, 'circuit_breaker_transitions_total', { target: 'users', to })).toBe(0);
    }
    for (const name of [
      'resilience_retries_total',
      'resilience_timeouts_total',
      'bulkhead_rejections_total',
    ]) {
      expect(await scrapeSample(prom, name, { target: 'users' })).toBe(0);
    }
  });

  it('shares one prom-client registry between several instances without "already registered"', async () => {
    const prom = new Registry();
    const first = new ResilienceRegistry(prom, logger);
    const second = new ResilienceRegistry(prom, logger);
    first.policy('users', testOptions());
    const payments = second.policy('payments', testOptions({ timeoutMs: 5 }));
    await payments
      .execute((signal) => new Promise((_, reject) => signal.addEventListener('abort', reject)), {
        idempotent: false,
      })
      .catch(() => undefined);
    expect(await scrapeSample(prom, 'resilience_timeouts_total', { target: 'payments' })).toBe(1);
    expect(await scrapeSample(prom, 'resilience_timeouts_total', { target: 'users' })).toBe(0);
  });

  it('counts into a catalog counter registered earlier with exemplars enabled', async () => {
    const prom = new Registry<OpenMetricsContentType>();
    prom.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
    new Counter({
      name: 'resilience_retries_total',
      help: 'Retries made per dependency.',
      labelNames: ['target'],
      registers: [prom],
      enableExemplars: true,
    });
    let calls = 0;
    const policy = new ResilienceRegistry(prom, logger).policy(
      'users',
      testOptions({ retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1 } }),
    );
    await policy.execute(async () => (++calls === 1 ? Promise.reject(grpcError(14, 'down')) : 'ok'), {
      idempotent: true,
    });
    expect(await prom.metrics()).toMatch(/^resilience_retries_total\{target="users"\} 1\b/m);
  });

  it('rejects invalid options with the target and field named', () => {
    const resilience = new ResilienceRegistry(new Registry(), logger);
    expect(() => resilience.policy('users', testOptions({ timeoutMs: 0 }))).toThrow(
      'Resilience policy "users": timeoutMs must be an integer >= 1, got 0',
    );
    expect(() =>
      resilience.policy('users', testOptions({ bulkhead: { maxConcurrent: 1.5, maxQueue: 0 } })),
    ).toThrow(/bulkhead.maxConcurrent/);
    expect(() =>
      resilience.policy(
        'users',
        testOptions({ retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 10 } }),
      ),
    ).toThrow(/retry.maxDelayMs must be an integer >= 100/);
    expect(() => resilience.policy(' ', testOptions())).toThrow(/non-empty/);
    // A rejected configuration leaves no half-built policy behind.
    expect(resilience.policy('users', testOptions()).state()).toBe('closed');
  });
});

describe('isDependencyUnavailable', () => {
  it('recognises the error, also when it comes from another copy of this module', () => {
    const error = new DependencyUnavailableError('users', 'timeout');
    expect(isDependencyUnavailable(error)).toBe(true);
    expect(error.message).toBe('Dependency "users" unavailable: call timed out');
    const fromOtherCopy = Object.assign(new Error('x'), {
      name: 'DependencyUnavailableError',
      target: 'users',
      reason: 'bulkhead_full',
    });
    expect(isDependencyUnavailable(fromOtherCopy)).toBe(true);
    expect(
      isDependencyUnavailable(
        Object.assign(new Error('x'), { name: 'DependencyUnavailableError', reason: 'other' }),
      ),
    ).toBe(false);
    expect(isDependencyUnavailable(grpcError(14, 'down'))).toBe(false);
    expect(isDependencyUnavailable('breaker_open')).toBe(false);
  });
});
