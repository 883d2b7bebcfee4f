// Synthetic traffic for `promtool test rules`: a service's HTTP histogram counters, minute by minute,
// built from phases such as "3 hours at 10 rps, then 1 hour at 2 % errors". Probe traffic that fails
// and is slow is always mixed in, so every scenario also proves the SLIs ignore /healthz.
import { METRICS } from '@obs/contracts';

/** Requests per sample step (one step = the test's input interval, 1m unless a scenario says otherwise). */
export interface Phase {
  readonly steps: number;
  /** Successful requests per step (2xx). */
  readonly good?: number;
  /** Failed requests per step (5xx). */
  readonly errors?: number;
  /** How many of the good requests per step took longer than 500 ms. */
  readonly slow?: number;
}

/** `minutes` of 1-minute steps at 10 rps, with the given share of errors (or of slow requests). */
export function rps10({ minutes, errorShare = 0, slowShare = 0 }: { minutes: number; errorShare?: number; slowShare?: number }): Phase {
  const perMinute = 600;
  const errors = Math.round(perMinute * errorShare);
  return { steps: minutes, good: perMinute - errors, errors, slow: Math.round((perMinute - errors) * slowShare) };
}

export interface InputSeries {
  readonly series: string;
  readonly values: string;
}

const histogram = METRICS.httpServerDuration.name;

function cumulative(phases: readonly Phase[], perMinute: (p: Phase) => number): string {
  const values = [0];
  for (const phase of phases) {
    for (let i = 0; i < phase.steps; i++) values.push(values[values.length - 1] + perMinute(phase));
  }
  return values.join(' ');
}

function selector(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',')}}`;
}

/** Input series for one service, one sample per step from t=0. */
export function serviceTraffic(service: string, phases: readonly Phase[]): InputSeries[] {
  const base = { service, http_route: '/api/things', http_request_method: 'GET' };
  const ok = { ...base, http_response_status_code: '200' };
  const failed = { ...base, http_response_status_code: '500' };
  // A failing, slow readiness probe: counted by no SLI, or every scenario's expectations break.
  const probe = { service, http_route: '/readyz', http_request_method: 'GET', http_response_status_code: '503' };
  const steps = phases.reduce((n, p) => n + p.steps, 0);
  return [
    { series: `${histogram}_count${selector(ok)}`, values: cumulative(phases, (p) => p.good ?? 0) },
    { series: `${histogram}_bucket${selector({ ...ok, le: '0.5' })}`, values: cumulative(phases, (p) => (p.good ?? 0) - (p.slow ?? 0)) },
    { series: `${histogram}_count${selector(failed)}`, values: cumulative(phases, (p) => p.errors ?? 0) },
    // Errors are answered fast, so they count against availability only.
    { series: `${histogram}_bucket${selector({ ...failed, le: '0.5' })}`, values: cumulative(phases, (p) => p.errors ?? 0) },
    { series: `${histogram}_count${selector(probe)}`, values: `0+60x${steps}` },
    { series: `${histogram}_bucket${selector({ ...probe, le: '0.5' })}`, values: `0+0x${steps}` },
  ];
}
