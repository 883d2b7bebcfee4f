import { seededRng } from '../clock/rng';
import { DEFAULT_MIX } from '../config/runtime-config';
import { ScenarioName } from './scenario-names';
import { WeightedMix } from './weighted-mix';

describe('WeightedMix', () => {
  it('honours the DESIGN.md weights within a statistical tolerance', () => {
    const mix = new WeightedMix(DEFAULT_MIX, seededRng(2024));
    const draws = 100_000;
    const counts = new Map<ScenarioName, number>();
    for (let i = 0; i < draws; i++) {
      const name = mix.pick() as ScenarioName;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const total = Object.values(DEFAULT_MIX).reduce((a, b) => a + b, 0);
    for (const [name, weight] of Object.entries(DEFAULT_MIX) as [ScenarioName, number][]) {
      const p = weight / total;
      const sd = Math.sqrt(draws * p * (1 - p));
      expect(Math.abs((counts.get(name) ?? 0) - draws * p)).toBeLessThan(4 * sd);
    }
  });

  it("never picks a zero weight and shares an unavailable scenario's weight among the others", () => {
    const mix = new WeightedMix({ a: 1, b: 0, c: 1 }, seededRng(5));
    const seen = new Set<string>();
    for (let i = 0; i < 1_000; i++) seen.add(mix.pick((n) => n !== 'c') as string);
    expect([...seen]).toEqual(['a']);
    expect(mix.pick(() => false)).toBeUndefined();
  });

  it('takes new weights at run time', () => {
    const mix = new WeightedMix<'a' | 'b'>({ a: 1, b: 0 }, seededRng(9));
    mix.setWeights({ a: 0, b: 1 });
    expect(mix.pick()).toBe('b');
  });
});
