// Per-dependency resilience settings, validated when the policy is built so a bad value fails at
// boot with the target and field named, not on the first call under load.
export interface DependencyPolicyOptions {
  /** Budget for one attempt; on expiry the call's AbortSignal is aborted and the caller gets a timeout. */
  timeoutMs: number;
  breaker: {
    /** Consecutive failures that open the breaker. */
    consecutiveFailures: number;
    /** How long the breaker stays open before the next call is let through as a probe (half-open). */
    halfOpenAfterMs: number;
  };
  bulkhead: {
    /** Calls allowed in flight at once. */
    maxConcurrent: number;
    /** Calls allowed to wait for a slot; beyond that a call is rejected at once. */
    maxQueue: number;
  };
  /** Retries for idempotent calls; absent means never retry. */
  retry?: {
    /** Total attempts including the first (so 3 = one call plus at most two retries). */
    maxAttempts: number;
    /** First backoff delay; later delays grow exponentially with decorrelated jitter. */
    initialDelayMs: number;
    /** Cap on any single backoff delay. */
    maxDelayMs: number;
  };
  /**
   * Whether an error thrown by the call means the dependency is failing (counts towards opening the
   * breaker and may be retried). Defaults to `defaultIsFailure`, which ignores caller-side gRPC codes
   * and HTTP 4xx. Timeouts always count; the policy's own rejections never do.
   */
  isFailure?: (error: unknown) => boolean;
}

function requireInteger(target: string, field: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `Resilience policy "${target}": ${field} must be an integer >= ${min}, got ${String(value)}`,
    );
  }
}

export function validatePolicyOptions(target: string, options: DependencyPolicyOptions): void {
  if (target.trim() === '') throw new RangeError('Resilience policy target must be a non-empty name');
  requireInteger(target, 'timeoutMs', options.timeoutMs, 1);
  requireInteger(target, 'breaker.consecutiveFailures', options.breaker.consecutiveFailures, 1);
  requireInteger(target, 'breaker.halfOpenAfterMs', options.breaker.halfOpenAfterMs, 1);
  requireInteger(target, 'bulkhead.maxConcurrent', options.bulkhead.maxConcurrent, 1);
  requireInteger(target, 'bulkhead.maxQueue', options.bulkhead.maxQueue, 0);
  if (options.retry) {
    requireInteger(target, 'retry.maxAttempts', options.retry.maxAttempts, 1);
    requireInteger(target, 'retry.initialDelayMs', options.retry.initialDelayMs, 0);
    requireInteger(target, 'retry.maxDelayMs', options.retry.maxDelayMs, options.retry.initialDelayMs);
  }
}
