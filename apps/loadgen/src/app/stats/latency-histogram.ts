// HDR histogram of latencies in microseconds (3 significant digits, up to one hour), reported in ms.
import * as hdr from 'hdr-histogram-js';

const MAX_MICROS = 3_600_000_000;

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export class LatencyHistogram {
  private readonly histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: MAX_MICROS,
    numberOfSignificantValueDigits: 3,
    autoResize: false,
  });

  recordMs(ms: number): void {
    const micros = Math.min(MAX_MICROS, Math.max(1, Math.round(ms * 1000)));
    this.histogram.recordValue(micros);
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  reset(): void {
    this.histogram.reset();
  }

  /** Percentiles in milliseconds (0 when empty). */
  summary(): LatencySummary {
    const h = this.histogram;
    // HDR reports a bucket's highest equivalent value; capping at the true max keeps p99 ≤ max.
    const at = (p: number) =>
      h.totalCount === 0 ? 0 : Math.min(h.getValueAtPercentile(p), h.maxValue) / 1000;
    return {
      count: h.totalCount,
      p50: at(50),
      p90: at(90),
      p99: at(99),
      max: h.totalCount === 0 ? 0 : h.maxValue / 1000,
      mean: h.totalCount === 0 ? 0 : h.mean / 1000,
    };
  }
}
