// DESIGN.md's auth outcome mix under an active fault profile: 85% get the real answer, the rest are
// simulated refusals (7% invalid credentials, 5% locked, 3% rate limited).
import type { AuthResult } from '@obs/contracts';

export type Refusal = Exclude<AuthResult, 'success'>;

/** Cumulative thresholds over a uniform draw in [0, 1). */
const SIMULATED: ReadonlyArray<readonly [number, Refusal]> = [
  [0.03, 'rate_limited'],
  [0.08, 'locked'],
  [0.15, 'invalid_credentials'],
];

/** The simulated refusal for this draw, or undefined when the real credential check decides. */
export function simulatedAuthOutcome(draw: number): Refusal | undefined {
  return SIMULATED.find(([threshold]) => draw < threshold)?.[1];
}
