import { parseProgress, steadyAchieved } from './loadgen-progress';

const stderr = `loadgen: 2000 req/s for 6.0s against GET http://127.0.0.1:39111/
[   1s] offered 2000.0/s achieved 1177.2/s done 523 err 0 drop 687 inflight 1000 p50 753ms p99 976ms max 978ms
[   2s] offered 2000.0/s achieved 1862.2/s done 2503 err 0 drop 501 inflight 477 p50 810ms p99 1192ms max 1203ms
[   3s] offered 2000.0/s achieved 2021.9/s done 2463 err 0 drop 0 inflight 38 p50 7.21ms p99 279ms max 291ms
[   4s] offered 2000.0/s achieved 1997.8/s done 2037 err 0 drop 0 inflight 0 p50 1.44ms p99 44.7ms max 54.2ms
[  10s] offered 2000.0/s achieved 1996.7/s done 1842 err 0 drop 0 inflight 216 p50 2.14ms p99 120ms max 128ms
`;

describe('loadgen progress', () => {
  it('parses every progress line and ignores the rest', () => {
    const progress = parseProgress(stderr);
    expect(progress).toHaveLength(5);
    expect(progress[0]).toEqual({ second: 1, offered: 2000, achieved: 1177.2 });
    expect(progress[4].second).toBe(10);
  });

  it('takes the median achieved rate after the warm-up seconds', () => {
    expect(steadyAchieved(parseProgress(stderr), 2)).toBe(1997.8);
    expect(steadyAchieved(parseProgress(stderr), 10)).toBeUndefined();
  });
});
