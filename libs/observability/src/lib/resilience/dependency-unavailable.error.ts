// The one error a resilience policy throws when it refuses or abandons a call, so the HTTP filter can
// answer 503 and the gRPC filter UNAVAILABLE / DEADLINE_EXCEEDED without knowing about cockatiel.
export type DependencyUnavailableReason = 'breaker_open' | 'timeout' | 'bulkhead_full';

const REASONS: readonly DependencyUnavailableReason[] = ['breaker_open', 'timeout', 'bulkhead_full'];

const DESCRIPTIONS: Record<DependencyUnavailableReason, string> = {
  breaker_open: 'circuit breaker is open',
  timeout: 'call timed out',
  bulkhead_full: 'too many concurrent calls (bulkhead full)',
};

export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';

  constructor(
    /** The dependency, as named in `ResilienceRegistry.policy(target, …)`. */
    readonly target: string,
    readonly reason: DependencyUnavailableReason,
    options?: { cause?: unknown },
  ) {
    super(`Dependency "${target}" unavailable: ${DESCRIPTIONS[reason]}`, options);
  }
}

/**
 * True for a DependencyUnavailableError. Checks the shape as well as the class because a bundled app
 * and a test may load two copies of this module, and `instanceof` fails across copies.
 */
export function isDependencyUnavailable(e: unknown): e is DependencyUnavailableError {
  if (e instanceof DependencyUnavailableError) return true;
  if (!(e instanceof Error) || e.name !== 'DependencyUnavailableError') return false;
  const candidate = e as Partial<DependencyUnavailableError>;
  return (
    typeof candidate.target === 'string' && REASONS.includes(candidate.reason as DependencyUnavailableReason)
  );
}
