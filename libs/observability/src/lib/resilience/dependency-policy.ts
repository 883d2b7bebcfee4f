// One dependency's cockatiel pipeline: retry (idempotent calls only) → circuit breaker → bulkhead →
// timeout → the call. The breaker sits outside the timeout so timeouts count as failures, and
// outside the bulkhead so a full bulkhead (our own saturation) never trips it; the bulkhead sits
// outside the timeout so it bounds real in-flight calls, and retry waits between attempts hold no
// slot.
import { trace, type Attributes } from '@opentelemetry/api';
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  IsolatedCircuitError,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';
import type { DependencyPolicyOptions } from './dependency-policy.options';
import { DependencyUnavailableError, type DependencyUnavailableReason } from './dependency-unavailable.error';
import { defaultIsFailure } from './failure-classification';
import type { BreakerStateName, TargetMetrics } from './resilience-metrics';

export interface ResilienceLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const STATE_NAMES: Record<CircuitState, BreakerStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  // Isolation is cockatiel's manual hold-open; this facade never isolates, but it is "open" if it happens.
  [CircuitState.Isolated]: 'open',
};

const isRejection = (e: unknown) =>
  e instanceof BrokenCircuitError || e instanceof IsolatedCircuitError || e instanceof BulkheadRejectedError;

/** Adds an event to the caller's active span, if any; cockatiel fires its events in the caller's context. */
function spanEvent(name: string, attributes: Attributes): void {
  trace.getActiveSpan()?.addEvent(name, attributes);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class DependencyPolicy {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly once: IPolicy;
  private readonly withRetry: IPolicy;
  private readonly timeoutMs: number;

  constructor(
    readonly target: string,
    options: DependencyPolicyOptions,
    metrics: TargetMetrics,
    logger: ResilienceLogger,
  ) {
    this.timeoutMs = options.timeoutMs;
    const isFailure = options.isFailure ?? defaultIsFailure;
    const attrs = { 'resilience.target': target };

    const timeoutPolicy = timeout(options.timeoutMs, {
      strategy: TimeoutStrategy.Aggressive,
      abortOnReturn: false,
    });
    timeoutPolicy.onTimeout(() => {
      metrics.timedOut();
      spanEvent('resilience.timeout', { ...attrs, 'resilience.timeout_ms': options.timeoutMs });
    });

    const bulkheadPolicy = bulkhead(options.bulkhead.maxConcurrent, options.bulkhead.maxQueue);
    bulkheadPolicy.onReject(() => {
      metrics.bulkheadRejected();
      spanEvent('resilience.bulkhead_rejected', attrs);
    });

    // Timeouts are outages; the policy's own rejections are not; the rest is the caller's call.
    const countsAsFailure = (e: unknown) =>
      e instanceof TaskCancelledError || (!isRejection(e) && isFailure(e));

    this.breaker = circuitBreaker(handleWhen(countsAsFailure), {
      halfOpenAfter: options.breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.breaker.consecutiveFailures),
    });
    this.breaker.onStateChange((state) => {
      const to = STATE_NAMES[state];
      metrics.breakerChanged(to);
      spanEvent('resilience.circuit_breaker.state_change', {
        ...attrs,
        'resilience.circuit_breaker.state': to,
      });
      const last = this.breaker.lastFailure;
      const entry = {
        target,
        breakerState: to,
        ...(to === 'open' &&
          last && { lastFailure: 'error' in last ? describe(last.error) : 'failure result' }),
      };
      if (to === 'open') logger.warn(entry, `circuit breaker for ${target} opened`);
      else logger.info(entry, `circuit breaker for ${target} ${to === 'closed' ? 'closed' : 'half-open'}`);
    });

    this.once = wrap(this.breaker, bulkheadPolicy, timeoutPolicy);
    if (options.retry && options.retry.maxAttempts > 1) {
      const retryPolicy = retry(handleWhen(countsAsFailure), {
        // cockatiel counts retries, the option counts attempts.
        maxAttempts: options.retry.maxAttempts - 1,
        backoff: new ExponentialBackoff({
          initialDelay: options.retry.initialDelayMs,
          maxDelay: options.retry.maxDelayMs,
        }),
      });
      retryPolicy.onRetry(({ attempt, delay }) => {
        metrics.retried();
        spanEvent('resilience.retry', {
          ...attrs,
          'resilience.retry.attempt': attempt,
          'resilience.retry.delay_ms': delay,
        });
      });
      this.withRetry = wrap(retryPolicy, this.once);
    } else {
      this.withRetry = this.once;
    }
  }

  /**
   * Runs `fn` through the policy. `fn` must pass the signal on (to fetch, a gRPC call's cancel, a
   * query) and stop when it aborts: the timeout aborts it, and the bulkhead slot is released then.
   * Only `idempotent: true` calls are ever retried.
   * @throws DependencyUnavailableError when the breaker is open, the attempt timed out, or the
   * bulkhead is full; any other error from `fn` unchanged.
   */
  async execute<T>(fn: (signal: AbortSignal) => Promise<T>, opts: { idempotent: boolean }): Promise<T> {
    const policy = opts.idempotent ? this.withRetry : this.once;
    try {
      return await policy.execute(({ signal }) => this.attempt(fn, signal));
    } catch (error) {
      const reason = this.reasonFor(error);
      if (reason === undefined) throw error;
      if (reason === 'breaker_open')
        spanEvent('resilience.circuit_breaker.rejected', { 'resilience.target': this.target });
      throw new DependencyUnavailableError(this.target, reason, { cause: error });
    }
  }

  state(): BreakerStateName {
    return STATE_NAMES[this.breaker.state];
  }

  /**
   * One attempt. A callee that honours the signal usually rejects with its own AbortError in the
   * same tick as the timeout fires, and may win the race; the signal is only ever aborted by our
   * timeout, so such an error is reported as the timeout it is.
   */
  private async attempt<T>(fn: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    try {
      return await fn(signal);
    } catch (error) {
      if (signal.aborted) throw new TaskCancelledError(`Operation timed out after ${this.timeoutMs}ms`);
      throw error;
    }
  }

  private reasonFor(error: unknown): DependencyUnavailableReason | undefined {
    if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) return 'breaker_open';
    if (error instanceof BulkheadRejectedError) return 'bulkhead_full';
    if (error instanceof TaskCancelledError) return 'timeout';
    return undefined;
  }
}
