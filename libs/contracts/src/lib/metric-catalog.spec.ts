import { CATALOG_METRIC_NAMES, LATENCY_BUCKETS_SECONDS, METRICS } from './metric-catalog';

describe('metric catalog', () => {
  it('names every metric in Prometheus snake_case with a unit or _total suffix where counters need it', () => {
    for (const metric of Object.values(METRICS)) {
      expect(metric.name).toMatch(/^[a-z][a-z0-9_]*$/);
      if (metric.type === 'counter') expect(metric.name).toMatch(/_total$/);
      if (metric.type === 'histogram') expect(metric.name).toMatch(/_seconds$/);
    }
  });

  it('has no duplicate names', () => {
    expect(new Set(CATALOG_METRIC_NAMES).size).toBe(CATALOG_METRIC_NAMES.length);
  });

  it('keeps 0.5 s as a bucket boundary so the latency SLI can be read from the histogram', () => {
    expect(LATENCY_BUCKETS_SECONDS).toContain(0.5);
    expect(LATENCY_BUCKETS_SECONDS[0]).toBe(0.005);
    expect(LATENCY_BUCKETS_SECONDS[LATENCY_BUCKETS_SECONDS.length - 1]).toBe(10);
  });
});
