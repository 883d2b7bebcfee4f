// The failure modes users hit with SLO rules, proven absent by promtool on the committed rules for
// users: NaN without traffic, a page for one error in a quiet service, and rules that go silently
// blind when their source series disappear.
import { PROMTOOL, describeWithBinaries } from '@obs/testing';
import { join } from 'node:path';
import { localRulesPath } from '../outputs';
import { Phase, serviceTraffic } from './traffic';
import { Scenario, runPromtoolTest } from './unit-test';

const root = join(__dirname, '..', '..', '..', '..');
const service = 'users';
const ruleFile = join(root, localRulesPath(service));
const BURN_ALERTS = ['AvailabilityErrorBudgetBurn', 'LatencyErrorBudgetBurn'];
const sloLabels = (slo: string) => `{service="${service}", sloth_id="${service}-${slo}", sloth_service="${service}", sloth_slo="${slo}"}`;

function expectPasses(scenario: Scenario): void {
  const { status, output } = runPromtoolTest(scenario);
  if (status !== 0) throw new Error(`promtool test rules failed:\n${output}`);
  expect(output).toMatch(/SUCCESS/);
}

describeWithBinaries([PROMTOOL], 'SLO guard rails (promtool test rules)', () => {
  it('without traffic raises no alert, records no ratio, and keeps the whole budget (no NaN)', () => {
    expectPasses({
      service,
      ruleFile,
      series: serviceTraffic(service, [{ steps: 120 }]),
      alerts: ['10m', '60m', '120m'].flatMap((at) =>
        [...BURN_ALERTS, 'SLOMetricsAbsent'].map((alert) => ({ at, alert, firing: [] })),
      ),
      exprs: [
        { at: '60m', expr: `count({__name__=~"slo:sli_error:ratio_rate.+|slo:current_burn_rate:ratio|slo:period_burn_rate:ratio", sloth_service="${service}"})`, samples: [] },
        {
          at: '60m',
          expr: `slo:period_error_budget_remaining:ratio{sloth_service="${service}"}`,
          samples: ['availability', 'latency'].map((slo) => ({
            labels: `slo:period_error_budget_remaining:ratio${sloLabels(slo)}`,
            value: 1,
          })),
        },
      ],
    });
  });

  it('does not page for one failed request out of three in a quiet hour', () => {
    const quiet = (good: number, errors: number): Phase[] => [{ steps: 19 }, { steps: 1, good, errors }];
    expectPasses({
      service,
      ruleFile,
      series: serviceTraffic(service, [...quiet(1, 0), ...quiet(1, 0), ...quiet(0, 1), { steps: 60 }]),
      alerts: ['61m', '63m', '70m', '90m'].map((at) => ({ at, alert: 'AvailabilityErrorBudgetBurn', firing: [] })),
      exprs: [
        // Both windows burn far beyond 14.4x; only the minimum-traffic guard holds the page back.
        { at: '63m', expr: `slo:sli_error:ratio_rate1h{sloth_id="${service}-availability"} > bool 0.0144`, samples: [{ labels: sloLabels('availability').replace('}', ', sloth_window="1h"}'), value: 1 }] },
      ],
    });
  });

  it('alerts when the SLI source series disappear', () => {
    expectPasses({
      service,
      ruleFile,
      // Only another service is scraped: users' series are gone.
      series: serviceTraffic('orders', [{ steps: 20, good: 600 }]),
      alerts: [
        { at: '5m', alert: 'SLOMetricsAbsent', firing: [] },
        {
          at: '15m',
          alert: 'SLOMetricsAbsent',
          firing: [
            { slo: 'availability' },
            { slo: 'latency' },
            { slo: 'latency', exprLabels: { le: '0.5' } },
          ],
        },
      ],
    });
  });
});
