import { seededRandom } from '@obs/faults';

/** A source of uniform numbers in [0, 1), like Math.random. */
export type Rng = () => number;

/** Seeded (mulberry32, shared with the fault injector): the same seed replays the same run. */
export const seededRng: (seed: number) => Rng = seededRandom;

/** A seeded generator when a seed is given, otherwise one seeded from the current time. */
export function createRng(seed?: number): Rng {
  return seededRng(seed ?? Date.now() ^ (process.pid << 16));
}

export function randomInt(rng: Rng, minInclusive: number, maxInclusive: number): number {
  return minInclusive + Math.floor(rng() * (maxInclusive - minInclusive + 1));
}

export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}
