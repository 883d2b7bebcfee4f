// Weighted random choice among named scenarios; a scenario that cannot run yet (e.g. "get an order I
// created" before any order exists) is left out of that draw and the others share its weight.
import { Rng } from '../clock/rng';

export class WeightedMix<Name extends string> {
  private entries: { name: Name; weight: number }[] = [];
  private total = 0;

  constructor(
    weights: Readonly<Record<Name, number>>,
    private readonly rng: Rng,
  ) {
    this.setWeights(weights);
  }

  setWeights(weights: Readonly<Record<Name, number>>): void {
    this.entries = (Object.entries(weights) as [Name, number][])
      .filter(([, weight]) => weight > 0)
      .map(([name, weight]) => ({ name, weight }));
    this.total = this.entries.reduce((sum, e) => sum + e.weight, 0);
  }

  /** A scenario name drawn by weight, or undefined when nothing with a positive weight is available. */
  pick(isAvailable: (name: Name) => boolean = () => true): Name | undefined {
    let candidates = this.entries;
    let total = this.total;
    if (!candidates.every((e) => isAvailable(e.name))) {
      candidates = candidates.filter((e) => isAvailable(e.name));
      total = candidates.reduce((sum, e) => sum + e.weight, 0);
    }
    if (total <= 0) return undefined;
    let point = this.rng() * total;
    for (const entry of candidates) {
      point -= entry.weight;
      if (point < 0) return entry.name;
    }
    return candidates[candidates.length - 1].name;
  }
}
