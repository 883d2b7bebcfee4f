// Alerting rules for one SLO: Sloth's page and ticket multi-window multi-burn-rate alerts (one alert
// name, told apart by sloth_severity), plus a minimum-traffic guard and an alert for missing source
// series, the two gaps that make Sloth-style alerts page on one error or go silent.
import { AlertProfile, WindowPair, durationSeconds } from './profiles';
import { renderWindow, sourceSelectors } from './promql';
import { AlertingRule, RuleGroup, errorBudget, formatRatio, sliRecordName, sloIdentity, sloSelector } from './rules';
import { Slo } from './slo-spec';

export const ABSENT_ALERT = 'SLOMetricsAbsent';

export interface AlertOptions {
  /** URL prefix of the runbooks; each alert links to `<base>/<kebab-case alert name>.md`. */
  readonly runbookBaseUrl: string;
}

export const DEFAULT_RUNBOOK_BASE_URL = 'https://github.com/obs-platform/obs-platform/blob/main/docs/runbooks';

/** AvailabilityErrorBudgetBurn → availability-error-budget-burn */
export function runbookFile(alert: string): string {
  return `${alert.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase()}.md`;
}

export function runbookUrl(alert: string, options: AlertOptions): string {
  return `${options.runbookBaseUrl.replace(/\/+$/, '')}/${runbookFile(alert)}`;
}

function pairCondition(slo: Slo, pair: WindowPair, minEvents: number): string {
  const threshold = `(${pair.factor} * ${formatRatio(errorBudget(slo))})`;
  const sel = sloSelector(slo);
  const events = `(${renderWindow(slo.totalQuery, pair.long)}) * ${durationSeconds(pair.long)}`;
  return [
    '(',
    `  max(${sliRecordName(pair.short)}${sel} > ${threshold}) without (sloth_window)`,
    '  and',
    `  max(${sliRecordName(pair.long)}${sel} > ${threshold}) without (sloth_window)`,
    '  and on()',
    `  (${events} >= ${minEvents})`,
    ')',
  ].join('\n');
}

function burnAlert(slo: Slo, severity: 'page' | 'ticket', profile: AlertProfile, options: AlertOptions): AlertingRule {
  const pairs = severity === 'page' ? profile.page : profile.ticket;
  const overrides = (severity === 'page' ? slo.alerting.page_alert : slo.alerting.ticket_alert) ?? {};
  const title = `(${severity}) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.`;
  const windows = pairs.map((p) => `${p.long}&${p.short} at ${p.factor}x`).join(' or ');
  return {
    alert: slo.alerting.name,
    expr: pairs.map((p) => pairCondition(slo, p, profile.minEvents)).join('\nor\n'),
    for: severity === 'page' ? profile.pageFor : profile.ticketFor,
    labels: {
      ...slo.labels,
      ...slo.alerting.labels,
      ...overrides.labels,
      ...sloIdentity(slo),
      sloth_severity: severity,
      severity: severity === 'page' ? 'critical' : 'warning',
      category: 'slo',
    },
    annotations: {
      summary: `{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.`,
      ...slo.alerting.annotations,
      ...overrides.annotations,
      title,
      description: `Error ratio over ${windows} of the error budget (${formatRatio(errorBudget(slo))}), with at least ${profile.minEvents} requests in the long window.`,
      runbook_url: runbookUrl(slo.alerting.name, options),
    },
  };
}

function absentAlert(slo: Slo, profile: AlertProfile, options: AlertOptions): AlertingRule {
  const selectors = sourceSelectors([slo.errorQuery, slo.totalQuery]);
  return {
    alert: ABSENT_ALERT,
    expr: selectors.map((s) => `absent(${s})`).join('\nor\n'),
    for: profile.absentFor,
    labels: { ...slo.labels, ...sloIdentity(slo), severity: 'critical', category: 'slo' },
    annotations: {
      // Literal names: absent() output carries only the selector's labels, never sloth_*.
      summary: `The series behind the ${slo.service} ${slo.name} SLO are missing: the SLO is blind.`,
      title: `${slo.service} ${slo.name} SLO has no source series.`,
      description: `None of these series exist: ${selectors.join(', ')}. Burn-rate alerts cannot fire without them.`,
      runbook_url: runbookUrl(ABSENT_ALERT, options),
    },
  };
}

export function alertGroup(slo: Slo, profile: AlertProfile, options: AlertOptions): RuleGroup {
  const rules: AlertingRule[] = [];
  if (!slo.alerting.page_alert?.disable) rules.push(burnAlert(slo, 'page', profile, options));
  if (!slo.alerting.ticket_alert?.disable) rules.push(burnAlert(slo, 'ticket', profile, options));
  rules.push(absentAlert(slo, profile, options));
  return { name: `sloth-slo-alerts-${slo.id}`, rules };
}
