// Totals of one run plus a per-interval window (progress lines, achieved rate), in plain numbers
// that the CLI prints and the server exposes.
import { DropReason } from '../scheduler/open-loop-scheduler';
import { LatencyHistogram, LatencySummary } from './latency-histogram';

/** The status recorded for a request that got no HTTP response (refused, reset, timed out). */
export const NETWORK_ERROR_STATUS = 0;

export interface Completion {
  status: number;
  /** From the intended send time to the end of the response (what a user waited). */
  latencyMs: number;
  /** Schedule lag: actual minus intended send time. */
  lagMs: number;
  /** A network-level failure code such as ECONNREFUSED or UND_ERR_HEADERS_TIMEOUT. */
  errorCode?: string;
}

export interface IntervalReport {
  seconds: number;
  offered: number;
  sent: number;
  completed: number;
  errors: number;
  dropped: number;
  latency: LatencySummary;
}

export interface RunSummary {
  durationSeconds: number;
  offered: number;
  sent: number;
  completed: number;
  offeredRps: number;
  achievedRps: number;
  /** Responses by HTTP status; "0" counts requests that got no response. */
  statuses: Record<string, number>;
  /** Non-2xx/3xx responses and network failures by status. */
  errors: { total: number; byStatus: Record<string, number>; byNetworkCode: Record<string, number> };
  dropped: Record<string, number>;
  latencyMs: LatencySummary;
  scheduleLagMs: LatencySummary;
}

export function isError(status: number): boolean {
  return status === NETWORK_ERROR_STATUS || status >= 400;
}

export class RunStats {
  private readonly latency = new LatencyHistogram();
  private readonly lag = new LatencyHistogram();
  private readonly windowLatency = new LatencyHistogram();
  private readonly statuses = new Map<number, number>();
  private readonly networkCodes = new Map<string, number>();
  private readonly drops = new Map<DropReason, number>();
  private totals = { offered: 0, sent: 0, completed: 0 };
  private window = { offered: 0, sent: 0, completed: 0, errors: 0, dropped: 0 };

  recordSent(lagMs: number): void {
    this.totals.offered += 1;
    this.totals.sent += 1;
    this.window.offered += 1;
    this.window.sent += 1;
    this.lag.recordMs(Math.max(0, lagMs));
  }

  recordDrop(reason: DropReason): void {
    this.totals.offered += 1;
    this.window.offered += 1;
    this.window.dropped += 1;
    this.drops.set(reason, (this.drops.get(reason) ?? 0) + 1);
  }

  recordCompletion(c: Completion): void {
    this.totals.completed += 1;
    this.window.completed += 1;
    this.statuses.set(c.status, (this.statuses.get(c.status) ?? 0) + 1);
    if (c.errorCode) this.networkCodes.set(c.errorCode, (this.networkCodes.get(c.errorCode) ?? 0) + 1);
    if (isError(c.status)) this.window.errors += 1;
    this.latency.recordMs(c.latencyMs);
    this.windowLatency.recordMs(c.latencyMs);
  }

  /** Returns the window since the previous call and starts a new one. */
  takeInterval(seconds: number): IntervalReport {
    const report = { seconds, ...this.window, latency: this.windowLatency.summary() };
    this.window = { offered: 0, sent: 0, completed: 0, errors: 0, dropped: 0 };
    this.windowLatency.reset();
    return report;
  }

  summary(durationSeconds: number): RunSummary {
    const statuses = Object.fromEntries(
      [...this.statuses].sort(([a], [b]) => a - b).map(([s, n]) => [String(s), n]),
    );
    const errorEntries = Object.entries(statuses).filter(([s]) => isError(Number(s)));
    const per = (n: number) => (durationSeconds > 0 ? n / durationSeconds : 0);
    return {
      durationSeconds,
      ...this.totals,
      offeredRps: per(this.totals.offered),
      achievedRps: per(this.totals.sent),
      statuses,
      errors: {
        total: errorEntries.reduce((sum, [, n]) => sum + n, 0),
        byStatus: Object.fromEntries(errorEntries),
        byNetworkCode: Object.fromEntries(this.networkCodes),
      },
      dropped: Object.fromEntries(this.drops),
      latencyMs: this.latency.summary(),
      scheduleLagMs: this.lag.summary(),
    };
  }
}
