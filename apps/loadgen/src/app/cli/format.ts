// Human-readable progress lines and the final summary of a CLI run.
import { ProgressReport } from '../engine/load-engine';
import { RunSummary } from '../stats/run-stats';

const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)}ms`;
const rate = (v: number) => v.toFixed(1);

export function formatProgress(r: ProgressReport): string {
  return (
    `[${r.elapsedSeconds.toFixed(0).padStart(4)}s] offered ${rate(r.offeredRps)}/s achieved ${rate(r.achievedRps)}/s ` +
    `done ${r.completed} err ${r.errors} drop ${r.dropped} inflight ${r.inFlight} ` +
    `p50 ${ms(r.latency.p50)} p99 ${ms(r.latency.p99)} max ${ms(r.latency.max)}`
  );
}

export function formatSummary(s: RunSummary): string {
  const kv = (o: Record<string, number>) =>
    Object.keys(o).length === 0
      ? 'none'
      : Object.entries(o)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ');
  return [
    `duration    ${s.durationSeconds.toFixed(1)}s`,
    `requests    offered ${s.offered}  sent ${s.sent}  completed ${s.completed}`,
    `rate        offered ${rate(s.offeredRps)}/s  achieved ${rate(s.achievedRps)}/s`,
    `statuses    ${kv(s.statuses)}`,
    `errors      ${s.errors.total}${s.errors.total > 0 ? ` (${kv(s.errors.byStatus)}${Object.keys(s.errors.byNetworkCode).length ? `; ${kv(s.errors.byNetworkCode)}` : ''})` : ''}`,
    `dropped     ${kv(s.dropped)}`,
    `latency     p50 ${ms(s.latencyMs.p50)}  p90 ${ms(s.latencyMs.p90)}  p99 ${ms(s.latencyMs.p99)}  max ${ms(s.latencyMs.max)}  (from intended send time)`,
    `sched. lag  p99 ${ms(s.scheduleLagMs.p99)}  max ${ms(s.scheduleLagMs.max)}`,
  ].join('\n');
}
