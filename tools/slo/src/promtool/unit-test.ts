// Builds a `promtool test rules` file for one scenario against a committed rule file, and runs it.
// Expected alert labels are written out here from the contract (severity, category, sloth_*), not
// copied from the rules, so a generator change that breaks routing fails the tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { InputSeries } from './traffic';

export interface ExpectedAlert {
  readonly slo: string;
  /** Burn-rate alerts: page (critical) or ticket (warning). Absent-series alerts have none. */
  readonly severity?: 'page' | 'ticket';
  /** Labels the alert expression itself contributes (absent() keeps its equality matchers). */
  readonly exprLabels?: Record<string, string>;
}

export interface AlertCheck {
  readonly at: string;
  readonly alert: string;
  readonly firing: readonly ExpectedAlert[];
}

export interface ExprCheck {
  readonly at: string;
  readonly expr: string;
  readonly samples: ReadonlyArray<{ labels: string; value: number }>;
}

export interface Scenario {
  readonly service: string;
  readonly ruleFile: string;
  /** Load only these SLOs' groups from the rule file (each SLO's groups are self-contained), for speed. */
  readonly slos?: readonly string[];
  /** Input sample interval and rule evaluation interval (default 1m). */
  readonly interval?: string;
  readonly series: readonly InputSeries[];
  readonly alerts?: readonly AlertCheck[];
  readonly exprs?: readonly ExprCheck[];
}

interface RuleInFile {
  alert?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

function expectedLabels(service: string, expected: ExpectedAlert): Record<string, string> {
  const labels: Record<string, string> = {
    service,
    sloth_id: `${service}-${expected.slo}`,
    sloth_service: service,
    sloth_slo: expected.slo,
    category: 'slo',
    ...expected.exprLabels,
  };
  if (expected.severity === undefined) return { ...labels, severity: 'critical' };
  return { ...labels, sloth_severity: expected.severity, severity: expected.severity === 'page' ? 'critical' : 'warning' };
}

/** The rule's annotations with {{$labels.x}} filled in, as Prometheus renders them. */
function expectedAnnotations(rules: RuleInFile[], alert: string, labels: Record<string, string>): Record<string, string> {
  const rule = rules.find(
    (r) => r.alert === alert && r.labels?.['sloth_id'] === labels['sloth_id'] && r.labels?.['sloth_severity'] === labels['sloth_severity'],
  );
  if (!rule) throw new Error(`no rule ${alert} for ${labels['sloth_id']} ${labels['sloth_severity'] ?? ''}`);
  return Object.fromEntries(
    Object.entries(rule.annotations ?? {}).map(([k, v]) => [k, v.replace(/\{\{\s*\$labels\.(\w+)\s*\}\}/g, (_, l: string) => labels[l] ?? '')]),
  );
}

interface GroupInFile {
  name: string;
  rules: RuleInFile[];
}

function selectedGroups(scenario: Scenario): GroupInFile[] {
  const groups = (parse(readFileSync(scenario.ruleFile, 'utf8')) as { groups: GroupInFile[] }).groups;
  const ids = (scenario.slos ?? []).map((slo) => `${scenario.service}-${slo}`);
  return ids.length === 0 ? groups : groups.filter((g) => ids.some((id) => g.name.endsWith(`-${id}`)));
}

export function buildTestFile(scenario: Scenario, ruleFile: string): string {
  const rules = selectedGroups(scenario).flatMap((g) => g.rules);
  return stringify(
    {
      rule_files: [ruleFile],
      evaluation_interval: scenario.interval ?? '1m',
      tests: [
        {
          interval: scenario.interval ?? '1m',
          input_series: scenario.series,
          alert_rule_test: (scenario.alerts ?? []).map((check) => ({
            eval_time: check.at,
            alertname: check.alert,
            exp_alerts: check.firing.map((e) => {
              const labels = expectedLabels(scenario.service, e);
              return { exp_labels: labels, exp_annotations: expectedAnnotations(rules, check.alert, labels) };
            }),
          })),
          promql_expr_test: (scenario.exprs ?? []).map((check) => ({
            expr: check.expr,
            eval_time: check.at,
            exp_samples: check.samples,
          })),
        },
      ],
    },
    { lineWidth: 0 },
  );
}

/** Runs promtool on the scenario; resolves to promtool's exit status and output. */
export function runPromtoolTest(scenario: Scenario): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'slo-promtool-'));
  try {
    const rules = join(dir, 'rules.yml');
    writeFileSync(rules, stringify({ groups: selectedGroups(scenario) }, { lineWidth: 0 }));
    const file = join(dir, 'scenario.test.yml');
    writeFileSync(file, buildTestFile(scenario, rules));
    const run = spawnSync('promtool', ['test', 'rules', file], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
