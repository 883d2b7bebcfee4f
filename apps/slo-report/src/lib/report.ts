// Reads the Sloth-named SLO series from Prometheus and turns them into one row per service and SLO:
// SLI over the period, objective, budget remaining, burn rate per window, and a status.
import { PrometheusClient, ReportError, Sample } from './prometheus';

export type Status = 'exhausted' | 'page' | 'ticket' | 'no-data' | 'ok';

export interface SloRow {
  readonly service: string;
  readonly slo: string;
  readonly id: string;
  readonly objective: number;
  readonly period: string;
  /** Good-event ratio over the period; null without traffic in the period. */
  readonly sli: number | null;
  readonly errorBudget: number;
  /** 1 = untouched, 0 = spent, negative = overspent. */
  readonly budgetRemaining: number | null;
  /** Error ratio divided by the error budget, per recorded window (e.g. "5m", "1h"). */
  readonly burnRates: Readonly<Record<string, number>>;
  readonly firingAlerts: readonly string[];
  readonly status: Status;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 };

/** Seconds in a Prometheus duration label such as 5m or 30d (unknown formats sort last). */
export function windowSeconds(window: string): number {
  const m = /^(\d+)([smhdwy])$/.exec(window);
  return m ? Number(m[1]) * UNIT_SECONDS[m[2]] : Number.MAX_SAFE_INTEGER;
}

function byId(samples: Sample[]): Map<string, Sample[]> {
  const out = new Map<string, Sample[]>();
  for (const s of samples) {
    const id = s.labels['sloth_id'];
    if (id === undefined) continue;
    out.set(id, [...(out.get(id) ?? []), s]);
  }
  return out;
}

const finite = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);

/** Worst first: what a CI gate or a person on call needs to see. */
export function statusOf(row: Omit<SloRow, 'status'>, severities: readonly string[]): Status {
  if (row.budgetRemaining !== null && row.budgetRemaining <= 0) return 'exhausted';
  if (severities.includes('critical')) return 'page';
  if (severities.includes('warning')) return 'ticket';
  if (row.sli === null) return 'no-data';
  return 'ok';
}

async function explainMissingRules(client: PrometheusClient): Promise<never> {
  const groups = (await client.ruleGroups()).filter((g) => g.startsWith('sloth-slo-'));
  if (groups.length > 0) {
    throw new ReportError(
      `SLO rules are loaded (${groups.length} sloth-slo-* groups) but have not produced series yet: wait one evaluation interval and retry.`,
    );
  }
  throw new ReportError(
    'Prometheus has no SLO rules loaded (no slo:objective:ratio series, no sloth-slo-* rule groups). ' +
      'Add deploy/local/rules/*.yml to rule_files (or install the charts\' PrometheusRule) and reload Prometheus.',
  );
}

export async function buildReport(client: PrometheusClient, services: readonly string[] = []): Promise<SloRow[]> {
  const objectives = await client.query('slo:objective:ratio');
  if (objectives.length === 0) await explainMissingRules(client);
  const [budgets, ratios, remaining, periods, alerts] = await Promise.all([
    client.query('slo:error_budget:ratio'),
    client.query('{__name__=~"slo:sli_error:ratio_rate.+"}'),
    client.query('slo:period_error_budget_remaining:ratio'),
    client.query('slo:time_period:days'),
    client.query('ALERTS{alertstate="firing", category="slo"}'),
  ]);
  const [budgetsById, ratiosById, remainingById, periodsById, alertsById] = [budgets, ratios, remaining, periods, alerts].map(byId);
  const known = [...new Set(objectives.map((o) => o.labels['sloth_service'] ?? ''))].sort();
  const unknown = services.filter((s) => !known.includes(s));
  if (unknown.length > 0) throw new ReportError(`no SLOs for service ${unknown.join(', ')} (known: ${known.join(', ')})`);

  const rows = objectives
    .filter((o) => services.length === 0 || services.includes(o.labels['sloth_service'] ?? ''))
    .map((o) => {
      const id = o.labels['sloth_id'] ?? '';
      const errorBudget = budgetsById.get(id)?.[0]?.value ?? 1 - o.value;
      const days = periodsById.get(id)?.[0]?.value;
      const period = days === undefined ? '30d' : `${days}d`;
      const windowRatios = (ratiosById.get(id) ?? [])
        .map((s) => [s.labels['sloth_window'] ?? '', s.value] as const)
        .filter(([w, v]) => w !== '' && Number.isFinite(v))
        .sort(([a], [b]) => windowSeconds(a) - windowSeconds(b));
      const periodRatio = windowRatios.find(([w]) => w === period)?.[1];
      const burnRates = Object.fromEntries(windowRatios.filter(([w]) => w !== period).map(([w, v]) => [w, v / errorBudget]));
      const firing = alertsById.get(id) ?? [];
      const base = {
        service: o.labels['sloth_service'] ?? '',
        slo: o.labels['sloth_slo'] ?? '',
        id,
        objective: o.value,
        period,
        sli: periodRatio === undefined ? null : 1 - periodRatio,
        errorBudget,
        budgetRemaining: finite(remainingById.get(id)?.[0]?.value),
        burnRates,
        firingAlerts: [...new Set(firing.map((a) => `${a.labels['alertname']} (${a.labels['severity'] ?? 'none'})`))].sort(),
      };
      return { ...base, status: statusOf(base, firing.map((a) => a.labels['severity'] ?? '')) };
    });
  return rows.sort((a, b) => a.service.localeCompare(b.service) || a.slo.localeCompare(b.slo));
}
