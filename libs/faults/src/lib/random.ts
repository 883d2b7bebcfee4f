// Randomness and time behind small interfaces, so tests drive the fault injector deterministically.
export type RandomSource = () => number;
export type Clock = () => number;
export type Sleep = (ms: number) => Promise<void>;

export const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function uniform(random: RandomSource, min: number, max: number): number {
  return min + (max - min) * random();
}

/** A normal draw (Box–Muller) clamped at zero: latencies are never negative. */
export function normal(random: RandomSource, mean: number, sd: number): number {
  const u1 = Math.max(random(), Number.EPSILON);
  const u2 = random();
  return Math.max(0, mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
}

/** A seeded generator (mulberry32) for reproducible tests. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
