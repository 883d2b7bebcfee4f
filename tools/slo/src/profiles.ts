// Alerting profiles: the windows, burn-rate factors and `for` durations of the multi-window,
// multi-burn-rate alerts (Google SRE workbook, ch. 5). `production` is DESIGN.md's policy; `e2e` keeps
// the same factors on windows scaled down by 12 (5m short windows floored to 1m, so a 15 s scrape
// still gives rate() four samples), so an end-to-end test sees a full outage page in about a minute.

export interface WindowPair {
  readonly long: string;
  readonly short: string;
  /** Burn-rate factor: the alert fires when both windows burn budget faster than this. */
  readonly factor: number;
}

export interface AlertProfile {
  readonly name: 'production' | 'e2e';
  readonly page: readonly WindowPair[];
  readonly ticket: readonly WindowPair[];
  readonly pageFor: string;
  readonly ticketFor: string;
  readonly absentFor: string;
  /** Window of slo:current_burn_rate:ratio (Sloth: the shortest one). */
  readonly currentWindow: string;
  /** The SLO period: the budget and slo:period_* are computed over it. */
  readonly period: string;
  /**
   * Minimum-traffic guard: an alert needs at least this many requests in its long window, so a
   * handful of requests to a quiet service (one error out of three) cannot page anyone.
   */
  readonly minEvents: number;
}

export const PRODUCTION: AlertProfile = {
  name: 'production',
  page: [
    { long: '1h', short: '5m', factor: 14.4 },
    { long: '6h', short: '30m', factor: 6 },
  ],
  ticket: [
    { long: '1d', short: '2h', factor: 3 },
    { long: '3d', short: '6h', factor: 1 },
  ],
  // Short `for`s only absorb a single odd evaluation (a restart's counter reset); the short window
  // is what makes the alerts stop soon after recovery.
  pageFor: '2m',
  ticketFor: '10m',
  absentFor: '10m',
  currentWindow: '5m',
  period: '30d',
  minEvents: 100,
};

export const E2E: AlertProfile = {
  name: 'e2e',
  page: [
    { long: '5m', short: '1m', factor: 14.4 },
    { long: '30m', short: '3m', factor: 6 },
  ],
  ticket: [
    { long: '2h', short: '10m', factor: 3 },
    { long: '6h', short: '30m', factor: 1 },
  ],
  pageFor: '15s',
  ticketFor: '1m',
  absentFor: '1m',
  currentWindow: '1m',
  period: '30d',
  minEvents: 10,
};

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Seconds in a Prometheus duration such as 5m, 1h or 30d. */
export function durationSeconds(duration: string): number {
  const match = /^(\d+)([smhdw])$/.exec(duration);
  if (!match) throw new Error(`unsupported duration "${duration}" (use e.g. 30s, 5m, 1h, 1d)`);
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

/** Every SLI window a profile needs recorded, shortest first, the period last. */
export function sliWindows(profile: AlertProfile): string[] {
  const all = new Set<string>([profile.currentWindow]);
  for (const pair of [...profile.page, ...profile.ticket]) {
    all.add(pair.short);
    all.add(pair.long);
  }
  all.add(profile.period);
  return [...all].sort((a, b) => durationSeconds(a) - durationSeconds(b));
}
