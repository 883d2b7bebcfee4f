import { distribution, median, percentile, ratio, round, spread } from './stats';

describe('stats', () => {
  it('takes nearest-rank percentiles of unsorted values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([], 50)).toBeUndefined();
    expect(() => percentile(values, 101)).toThrow(RangeError);
  });

  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('gives ratios only against a usable baseline', () => {
    expect(ratio(900, 1000)).toBe(0.9);
    expect(ratio(1, 0)).toBeUndefined();
    expect(ratio(undefined, 10)).toBeUndefined();
    expect(ratio(10, undefined)).toBeUndefined();
  });

  it('summarises a distribution and a spread', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(distribution(values)).toEqual({ count: 100, mean: 50.5, p50: 50, p90: 90, p99: 99, max: 100 });
    expect(distribution([])).toBeUndefined();
    expect(spread([0.9, 0.85, 0.95])).toEqual({ min: 0.85, max: 0.95 });
    expect(round(0.123456, 3)).toBe(0.123);
  });
});
