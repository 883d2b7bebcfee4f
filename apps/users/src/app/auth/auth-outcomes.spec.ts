import { simulatedAuthOutcome } from './auth-outcomes';

describe('simulated auth outcomes', () => {
  it('splits draws 85% real / 7% invalid / 5% locked / 3% rate limited', () => {
    const counts: Record<string, number> = {};
    const n = 10_000;
    for (let i = 0; i < n; i++) {
      const outcome = simulatedAuthOutcome(i / n) ?? 'real';
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    }
    expect(counts).toEqual({ real: 8_500, invalid_credentials: 700, locked: 500, rate_limited: 300 });
  });
});
