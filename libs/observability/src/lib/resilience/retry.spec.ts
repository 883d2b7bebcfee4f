import { Registry } from 'prom-client';
import { ResilienceRegistry } from './resilience-registry';
import { captureLogs, grpcError, scrapeSample, testOptions } from './resilience.spec-helpers';

describe('retry', () => {
  let prom: Registry;
  let resilience: ResilienceRegistry;
  const target = 'users';
  const options = testOptions({
    breaker: { consecutiveFailures: 100, halfOpenAfterMs: 5_000 },
    retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 },
  });
  const retries = () => scrapeSample(prom, 'resilience_retries_total', { target });

  /** A callee that fails with UNAVAILABLE `failures` times, then answers. */
  function flaky(failures: number) {
    let calls = 0;
    const fn = jest.fn(async () => {
      calls += 1;
      if (calls <= failures) throw grpcError(14, `attempt ${calls} failed`);
      return `answer after ${calls}`;
    });
    return fn;
  }

  beforeEach(() => {
    prom = new Registry();
    resilience = new ResilienceRegistry(prom, captureLogs().logger);
  });

  it('never retries a non-idempotent call, even with retries configured', async () => {
    const callee = flaky(1);
    await expect(resilience.policy(target, options).execute(callee, { idempotent: false })).rejects.toThrow(
      'attempt 1 failed',
    );
    expect(callee).toHaveBeenCalledTimes(1);
    expect(await retries()).toBe(0);
  });

  it('retries an idempotent call until it succeeds, within maxAttempts', async () => {
    const callee = flaky(2);
    await expect(resilience.policy(target, options).execute(callee, { idempotent: true })).resolves.toBe(
      'answer after 3',
    );
    expect(callee).toHaveBeenCalledTimes(3);
    expect(await retries()).toBe(2);
  });

  it('gives up after maxAttempts and surfaces the last error', async () => {
    const callee = flaky(10);
    await expect(resilience.policy(target, options).execute(callee, { idempotent: true })).rejects.toThrow(
      'attempt 3 failed',
    );
    expect(callee).toHaveBeenCalledTimes(3);
    expect(await retries()).toBe(2);
  });

  it('does not retry an answer that is not a failure (NOT_FOUND)', async () => {
    const callee = jest.fn(() => Promise.reject(grpcError(5, 'no such user')));
    await expect(
      resilience.policy(target, options).execute(callee, { idempotent: true }),
    ).rejects.toMatchObject({ code: 5 });
    expect(callee).toHaveBeenCalledTimes(1);
  });

  it('does not retry without a retry configuration', async () => {
    const callee = flaky(1);
    const { retry: _omitted, ...noRetry } = options;
    await expect(resilience.policy(target, noRetry).execute(callee, { idempotent: true })).rejects.toThrow(
      'attempt 1 failed',
    );
    expect(callee).toHaveBeenCalledTimes(1);
  });

  it('stops retrying once the breaker opens and reports breaker_open', async () => {
    const callee = flaky(10);
    const policy = resilience.policy(target, {
      ...options,
      breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
      retry: { maxAttempts: 5, initialDelayMs: 1, maxDelayMs: 5 },
    });
    await expect(policy.execute(callee, { idempotent: true })).rejects.toMatchObject({
      name: 'DependencyUnavailableError',
      reason: 'breaker_open',
      target,
    });
    expect(callee).toHaveBeenCalledTimes(2);
  });
});
