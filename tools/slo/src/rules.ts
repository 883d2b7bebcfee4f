// Recording rules for one SLO, named as Sloth names them (slo:sli_error:ratio_rate<window>, slo:objective:ratio,
// ...) so Sloth's Grafana dashboards work unchanged. Two deliberate differences from Sloth, both to keep
// the figures correct: the SLI ratios are NaN-free (a window without traffic has no ratio instead of
// 0/0), and the period ratio is computed from the raw counters rather than as an average of 5m
// ratios, which would weigh a quiet night as much as the daily peak.
import { AlertProfile, sliWindows } from './profiles';
import { renderWindow } from './promql';
import { Slo } from './slo-spec';

export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels: Record<string, string>;
}

export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
}

export interface RuleGroup {
  readonly name: string;
  readonly rules: ReadonlyArray<RecordingRule | AlertingRule>;
}

/** Identifies an SLO's series, as Sloth does. */
export function sloIdentity(slo: Slo): Record<string, string> {
  return { sloth_id: slo.id, sloth_service: slo.service, sloth_slo: slo.name };
}

/** `{sloth_id="…", sloth_service="…", sloth_slo="…"}` */
export function sloSelector(slo: Slo): string {
  const parts = Object.entries(sloIdentity(slo)).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `{${parts.join(', ')}}`;
}

/** Ratio as the rules print it: 0.999, never 0.9990000000000001. */
export function formatRatio(value: number): string {
  return String(Number(value.toPrecision(12)));
}

export function errorBudget(slo: Slo): number {
  return Number((1 - slo.objective).toPrecision(12));
}

export function sliRecordName(window: string): string {
  return `slo:sli_error:ratio_rate${window}`;
}

/**
 * Error ratio over one window. No traffic makes the denominator empty (not 0), so the ratio is absent
 * instead of NaN; no errors at all (an empty error query) counts as 0 errors.
 */
export function sliRatioExpr(slo: Slo, window: string): string {
  return [
    '(',
    `  (${renderWindow(slo.errorQuery, window)})`,
    '  or on() vector(0)',
    ')',
    '/',
    '(',
    `  (${renderWindow(slo.totalQuery, window)}) > 0`,
    ')',
  ].join('\n');
}

export function recordingGroup(slo: Slo, profile: AlertProfile): RuleGroup {
  const base = { ...slo.labels, ...sloIdentity(slo) };
  const sel = sloSelector(slo);
  const join = 'on(sloth_id, sloth_slo, sloth_service) group_left';
  const periodDays = String(Math.round(Number(profile.period.replace(/d$/, ''))));
  const sli: RecordingRule[] = sliWindows(profile).map((window) => ({
    record: sliRecordName(window),
    expr: sliRatioExpr(slo, window),
    labels: { ...base, sloth_window: window },
  }));
  // Burn rates drop sloth_window so their series keep one identity whether or not there is traffic.
  // Same group as the SLIs on purpose: rules of a group run in order at one timestamp, so the burn
  // rates and the remaining budget always use this evaluation's SLIs, never a stale or missing one.
  const meta: RecordingRule[] = [
    { record: 'slo:objective:ratio', expr: `vector(${formatRatio(slo.objective)})`, labels: base },
    { record: 'slo:error_budget:ratio', expr: `vector(1 - ${formatRatio(slo.objective)})`, labels: base },
    { record: 'slo:time_period:days', expr: `vector(${periodDays})`, labels: base },
    {
      record: 'slo:current_burn_rate:ratio',
      expr: `max without (sloth_window) (${sliRecordName(profile.currentWindow)}${sel})\n/ ${join}\nslo:error_budget:ratio${sel}`,
      labels: base,
    },
    {
      record: 'slo:period_burn_rate:ratio',
      expr: `max without (sloth_window) (${sliRecordName(profile.period)}${sel})\n/ ${join}\nslo:error_budget:ratio${sel}`,
      labels: base,
    },
    {
      // A period without any traffic spent no budget: 1, rather than no value or NaN.
      record: 'slo:period_error_budget_remaining:ratio',
      expr: `(1 - slo:period_burn_rate:ratio${sel})\nor on() vector(1)`,
      labels: base,
    },
    {
      record: 'sloth_slo_info',
      expr: 'vector(1)',
      labels: {
        ...base,
        sloth_mode: 'cli-gen-prom',
        sloth_spec: 'prometheus/v1',
        sloth_version: 'obs-platform-slo-tools',
        sloth_objective: String(Number((slo.objective * 100).toPrecision(12))),
      },
    },
  ];
  return { name: `sloth-slo-sli-recordings-${slo.id}`, rules: [...sli, ...meta] };
}
