// What the generator promises its users: committed rules match the specs, every alert links a runbook
// that exists, series carry Sloth's names and labels, and a spec with a wrong metric fails loudly.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateOutputs, staleOutputs } from './outputs';
import { SpecError, parseSpec } from './slo-spec';

const root = join(__dirname, '..', '..', '..');

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

function rulesOf(path: string): Rule[] {
  const doc = parse(generateOutputs(root).get(path) ?? '') as { groups: Array<{ rules: Rule[] }> };
  return doc.groups.flatMap((g) => g.rules);
}

const validSpec = (errorQuery: string) => `
version: prometheus/v1
service: orders
slos:
  - name: availability
    objective: 99.9
    sli:
      events:
        error_query: ${JSON.stringify(errorQuery)}
        total_query: sum(rate(http_server_request_duration_seconds_count{service="orders"}[{{.window}}]))
    alerting:
      name: AvailabilityErrorBudgetBurn
`;

describe('slo-tools generator', () => {
  it('has committed outputs identical to what the specs generate (run `nx run slo-tools:generate` when this fails)', () => {
    expect(staleOutputs(root)).toEqual([]);
  });

  it('writes one chart rule file, one local and one e2e rule file per service spec', () => {
    expect([...generateOutputs(root).keys()].sort()).toEqual([
      'deploy/local/rules-e2e/orders-slo-e2e.rules.yml',
      'deploy/local/rules-e2e/payments-slo-e2e.rules.yml',
      'deploy/local/rules-e2e/users-slo-e2e.rules.yml',
      'deploy/local/rules/orders-slo.rules.yml',
      'deploy/local/rules/payments-slo.rules.yml',
      'deploy/local/rules/users-slo.rules.yml',
      'helm/orders/rules/slo-rules.yaml',
      'helm/payments/rules/slo-rules.yaml',
      'helm/users/rules/slo-rules.yaml',
    ]);
  });

  it('records every Sloth series name with sloth_id, sloth_service, sloth_slo and sloth_window labels', () => {
    const rules = rulesOf('deploy/local/rules/payments-slo.rules.yml').filter((r) => r.labels?.['sloth_id'] === 'payments-latency');
    const windows = rules.filter((r) => r.record?.startsWith('slo:sli_error:ratio_rate')).map((r) => r.labels?.['sloth_window']);
    expect(windows).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']);
    for (const w of windows) expect(rules.some((r) => r.record === `slo:sli_error:ratio_rate${w}`)).toBe(true);
    for (const name of ['slo:objective:ratio', 'slo:error_budget:ratio', 'slo:current_burn_rate:ratio', 'slo:period_error_budget_remaining:ratio', 'sloth_slo_info']) {
      const rule = rules.find((r) => r.record === name);
      expect(rule?.labels).toMatchObject({ sloth_id: 'payments-latency', sloth_service: 'payments', sloth_slo: 'latency', service: 'payments' });
    }
    expect(rules.find((r) => r.record === 'slo:objective:ratio')?.expr).toBe('vector(0.99)');
  });

  it('gives every alert severity, category=slo and a runbook_url whose file exists in docs/runbooks', () => {
    for (const [path] of generateOutputs(root)) {
      for (const alert of rulesOf(path).filter((r) => r.alert)) {
        expect(alert.labels).toMatchObject({ category: 'slo' });
        expect(['critical', 'warning']).toContain(alert.labels?.['severity']);
        if (alert.labels?.['sloth_severity'] === 'page') expect(alert.labels['severity']).toBe('critical');
        if (alert.labels?.['sloth_severity'] === 'ticket') expect(alert.labels['severity']).toBe('warning');
        const url = alert.annotations?.['runbook_url'] ?? '';
        const file = url.replace(/^.*\/docs\/runbooks\//, 'docs/runbooks/');
        expect(existsSync(join(root, file))).toBe(true);
        expect(readFileSync(join(root, file), 'utf8')).toContain(`# ${alert.alert}`);
      }
    }
  });

  it('uses the scaled-down windows and short `for`s only in the e2e variant', () => {
    const prod = rulesOf('deploy/local/rules/payments-slo.rules.yml').filter((r) => r.labels?.['sloth_severity'] === 'page');
    const e2e = rulesOf('deploy/local/rules-e2e/payments-slo-e2e.rules.yml').filter((r) => r.labels?.['sloth_severity'] === 'page');
    expect(prod.map((r) => r.for)).toEqual(['2m', '2m']);
    expect(e2e.map((r) => r.for)).toEqual(['15s', '15s']);
    expect(prod[0].expr).toContain('slo:sli_error:ratio_rate1h{');
    expect(e2e[0].expr).toContain('slo:sli_error:ratio_rate5m{');
    expect(e2e[0].expr).toContain('slo:sli_error:ratio_rate1m{');
  });

  it('rejects a query naming a metric that is not in the catalog', () => {
    const spec = validSpec('sum(rate(http_requests_total{service="orders",code=~"5.."}[{{.window}}]))');
    expect(() => parseSpec(spec, 'orders.yaml')).toThrow(/http_requests_total is not in the metric catalog/);
  });

  it('rejects a query not scoped to its service, a missing window and a bucket that does not exist', () => {
    expect(() => parseSpec(validSpec('sum(rate(http_server_request_duration_seconds_count{http_response_status_code=~"5.."}[{{.window}}]))'), 'x')).toThrow(
      /must be scoped with service="orders"/,
    );
    expect(() => parseSpec(validSpec('sum(rate(http_server_request_duration_seconds_count{service="orders"}[5m]))'), 'x')).toThrow(/\{\{\.window\}\}/);
    expect(() => parseSpec(validSpec('sum(rate(http_server_request_duration_seconds_bucket{service="orders",le="0.4"}[{{.window}}]))'), 'x')).toThrow(
      /le must equal one of the exposed buckets/,
    );
    expect(() => parseSpec(validSpec('sum(rate(http_server_request_duration_seconds_count{service="orders"}[{{.window}}])'), 'x')).toThrow(/does not parse/);
  });

  it('rejects a spec that is not Sloth prometheus/v1, naming the field', () => {
    expect(() => parseSpec(validSpec('x').replace('prometheus/v1', 'sloth/v1'), 'orders.yaml')).toThrow(SpecError);
    expect(() => parseSpec(validSpec('x').replace('objective: 99.9', 'objective: 120'), 'orders.yaml')).toThrow(/slos\.0\.objective/);
  });
});
