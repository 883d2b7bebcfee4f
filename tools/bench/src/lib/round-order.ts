// The order variants run in, round by round. Alternating a b c d / d c b a left (a) always running
// after (b) or itself and (c) after (d) in every other round, and per-round ratios split by that
// order differed by about 30 points in one run of the same build (docs/performance.md) (a variant inherits what the one before it leaves
// behind: its export tail, its garbage, the client's warm connections). A Williams design balances
// that: over a full cycle every variant takes every position once and follows every other variant
// equally often.

/** Rounds in one balanced cycle for n variants: n when n is even, 2n when it is odd. */
export function balancedCycle(n: number): number {
  return n % 2 === 0 ? n : 2 * n;
}

/** The smallest whole number of balanced cycles that gives at least `minimum` rounds. */
export function balancedRounds(n: number, minimum: number): number {
  const cycle = balancedCycle(n);
  return Math.max(1, Math.ceil(minimum / cycle)) * cycle;
}

/** The variants in the order round `round` (0-based) runs them. */
export function roundOrder<T>(variants: readonly T[], round: number): T[] {
  const n = variants.length;
  if (n <= 1) return [...variants];
  // First row 0, 1, n-1, 2, n-2, …; row r adds r (mod n). For odd n the second n rows are reversed.
  const first: number[] = [0];
  for (let low = 1, high = n - 1; first.length < n; ) {
    first.push(low++);
    if (first.length < n) first.push(high--);
  }
  const row = round % n;
  const order = first.map((i) => variants[(i + row) % n]);
  const reversed = n % 2 === 1 && round % (2 * n) >= n;
  return reversed ? order.reverse() : order;
}
