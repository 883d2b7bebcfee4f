import { Registry } from 'prom-client';
import { isDependencyUnavailable } from './dependency-unavailable.error';
import { ResilienceRegistry } from './resilience-registry';
import { captureLogs, deferred, scrapeSample, testOptions } from './resilience.spec-helpers';

describe('timeout and bulkhead', () => {
  let prom: Registry;
  let resilience: ResilienceRegistry;
  const target = 'fraud-check';

  beforeEach(() => {
    prom = new Registry();
    resilience = new ResilienceRegistry(prom, captureLogs().logger);
  });

  /** A callee that only ends when its signal aborts, like a fetch given the signal. */
  function hangsUntilAborted() {
    const seen: AbortSignal[] = [];
    const fn = (signal: AbortSignal) => {
      seen.push(signal);
      return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    };
    return { fn, seen };
  }

  it("aborts the call's signal on timeout, counts it and reports reason timeout", async () => {
    const policy = resilience.policy(target, testOptions({ timeoutMs: 20 }));
    const callee = hangsUntilAborted();

    const error = await policy.execute(callee.fn, { idempotent: false }).catch((e: unknown) => e);
    expect(isDependencyUnavailable(error)).toBe(true);
    expect(error).toMatchObject({ target, reason: 'timeout' });
    expect(callee.seen).toHaveLength(1);
    expect(callee.seen[0].aborted).toBe(true);
    expect(await scrapeSample(prom, 'resilience_timeouts_total', { target })).toBe(1);
  });

  it('leaves the signal alone when the call finishes in time', async () => {
    let signal: AbortSignal | undefined;
    await resilience.policy(target, testOptions()).execute(
      async (s) => {
        signal = s;
        return 'fast';
      },
      { idempotent: false },
    );
    expect(signal?.aborted).toBe(false);
    expect(await scrapeSample(prom, 'resilience_timeouts_total', { target })).toBe(0);
  });

  it('counts timeouts as breaker failures and retries them when idempotent', async () => {
    const policy = resilience.policy(
      target,
      testOptions({
        timeoutMs: 10,
        breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
        retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1 },
      }),
    );
    const callee = hangsUntilAborted();
    await expect(policy.execute(callee.fn, { idempotent: true })).rejects.toMatchObject({
      reason: 'timeout',
    });
    expect(callee.seen).toHaveLength(2);
    expect(policy.state()).toBe('open');
    expect(await scrapeSample(prom, 'resilience_timeouts_total', { target })).toBe(2);
  });

  it('rejects at once when the bulkhead and its queue are full, without tripping the breaker', async () => {
    const policy = resilience.policy(
      target,
      testOptions({
        breaker: { consecutiveFailures: 1, halfOpenAfterMs: 60_000 },
        bulkhead: { maxConcurrent: 1, maxQueue: 1 },
      }),
    );
    const inFlight = deferred<string>();
    const running = policy.execute(() => inFlight.promise, { idempotent: false });
    const queued = policy.execute(() => Promise.resolve('queued'), { idempotent: true });

    const error = await policy
      .execute(() => Promise.resolve('third'), { idempotent: true })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DependencyUnavailableError', target, reason: 'bulkhead_full' });
    expect(await scrapeSample(prom, 'bulkhead_rejections_total', { target })).toBe(1);

    inFlight.resolve('first');
    await expect(running).resolves.toBe('first');
    await expect(queued).resolves.toBe('queued');
    expect(policy.state()).toBe('closed');
  });
});
