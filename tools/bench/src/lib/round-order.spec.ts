import { balancedCycle, roundOrder } from './round-order';

function cycle(variants: string[]): string[][] {
  return Array.from({ length: balancedCycle(variants.length) }, (_, round) => roundOrder(variants, round));
}

/** How often each variant runs right after each other one within the rounds. */
function follows(rounds: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const order of rounds) {
    for (let i = 1; i < order.length; i++) counts.set(`${order[i - 1]}>${order[i]}`, (counts.get(`${order[i - 1]}>${order[i]}`) ?? 0) + 1);
  }
  return counts;
}

describe('roundOrder', () => {
  it.each([[['a', 'b', 'c', 'd']], [['a', 'b', 'c']], [['a', 'b', 'c', 'd', 'e']], [['a', 'b']]])(
    'runs every variant once per round, in every position equally often, after every other equally often (%j)',
    (variants) => {
      const rounds = cycle(variants);
      for (const order of rounds) expect([...order].sort()).toEqual(variants);
      for (let position = 0; position < variants.length; position++) {
        const here = rounds.map((order) => order[position]);
        for (const v of variants) expect(here.filter((x) => x === v)).toHaveLength(rounds.length / variants.length);
      }
      const pairs = follows(rounds);
      const expected = (rounds.length * (variants.length - 1)) / (variants.length * (variants.length - 1));
      expect(pairs.size).toBe(variants.length * (variants.length - 1));
      for (const count of pairs.values()) expect(count).toBe(expected);
    },
  );

  it('puts (a) after (d) in some round, which alternating orders never did', () => {
    expect(cycle(['a', 'b', 'c', 'd']).some((order) => order.join('').includes('da'))).toBe(true);
  });

  it('repeats its cycle and copes with one variant', () => {
    expect(roundOrder(['a', 'b', 'c', 'd'], 5)).toEqual(roundOrder(['a', 'b', 'c', 'd'], 1));
    expect(roundOrder(['a'], 3)).toEqual(['a']);
  });
});
