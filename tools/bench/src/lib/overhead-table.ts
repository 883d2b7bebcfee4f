// Turns the raw per-round runs of part 1 into the figures the report shows: medians per variant and
// ratios to the baseline taken round by round (neighbours in time share the machine's noise).
import { median, ratio, spread } from './stats';
import type { OverheadResult } from './types';

export interface OverheadRow {
  id: string;
  label: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Median of the per-round ratios to the baseline, and their range. */
  rpsRatio?: number;
  rpsRatioRange?: { min: number; max: number };
  p50Ratio?: number;
  p99Ratio?: number;
  failures: number;
}

export function overheadRows(result: OverheadResult, endpoint: string): OverheadRow[] {
  const base = result.variants.find((v) => v.id === result.baseline)?.runs[endpoint] ?? [];
  return result.variants.map((variant) => {
    const runs = variant.runs[endpoint] ?? [];
    const perRound = (pick: (r: (typeof runs)[number]) => number) =>
      runs.map((run, i) => ratio(pick(run), base[i] ? pick(base[i]) : undefined)).filter((v): v is number => v !== undefined);
    const rpsRatios = perRound((r) => r.rps);
    return {
      id: variant.id,
      label: variant.label,
      rps: median(runs.map((r) => r.rps)) ?? 0,
      p50Ms: median(runs.map((r) => r.p50Ms)) ?? 0,
      p99Ms: median(runs.map((r) => r.p99Ms)) ?? 0,
      rpsRatio: median(rpsRatios),
      rpsRatioRange: spread(rpsRatios),
      p50Ratio: median(perRound((r) => r.p50Ms)),
      p99Ratio: median(perRound((r) => r.p99Ms)),
      failures: runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
    };
  });
}

export interface TargetVerdict {
  endpoint: string;
  cRatio?: number;
  /** (b), metrics only: about a microsecond of work over (a), so its distance from 100% is noise. */
  controlRatio?: number;
  meetsNinety: boolean;
  aheadOfD: boolean;
}

/** The issue's target: (c) keeps ≥ 90% of (a)'s throughput and beats (d). */
export function targetVerdicts(result: OverheadResult): TargetVerdict[] {
  return result.endpoints.map((endpoint) => {
    const rows = overheadRows(result, endpoint);
    const c = rows.find((r) => r.id === 'c');
    const d = rows.find((r) => r.id === 'd');
    return {
      endpoint,
      cRatio: c?.rpsRatio,
      controlRatio: rows.find((r) => r.id === 'b')?.rpsRatio,
      meetsNinety: (c?.rpsRatio ?? 0) >= 0.9,
      aheadOfD: c !== undefined && d !== undefined && c.rps > d.rps,
    };
  });
}
