// Time and randomness are injected everywhere in the core, so the traffic model and the scheduler can
// be tested against a hand-driven clock and a seeded generator instead of real time.

/** Milliseconds since the Unix epoch, with sub-millisecond resolution. */
export interface Clock {
  now(): number;
}

/** Monotonic (performance.now) yet anchored to the epoch, so wall-clock hours and intervals agree. */
export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
};

/** A clock that moves only when told to; for tests and simulations. */
export class ManualClock implements Clock {
  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(ms: number): void {
    this.current = ms;
  }
}
