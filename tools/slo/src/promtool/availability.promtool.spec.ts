// The availability SLO's alerts behave as the SRE workbook intends, proven by promtool on the committed
// rules for payments (99.9 %, budget 0.1 %): outages page fast, slow burns ticket, blips stay quiet.
import { PROMTOOL, describeWithBinaries } from '@obs/testing';
import { join } from 'node:path';
import { localRulesPath } from '../outputs';
import { rps10 } from './traffic';
import { serviceTraffic } from './traffic';
import { Scenario, runPromtoolTest } from './unit-test';

const root = join(__dirname, '..', '..', '..', '..');
const service = 'payments';
const ruleFile = join(root, localRulesPath(service));
const ALERT = 'AvailabilityErrorBudgetBurn';
const page = { slo: 'availability', severity: 'page' } as const;
const ticket = { slo: 'availability', severity: 'ticket' } as const;
const sel = `{sloth_id="${service}-availability"}`;
const sloLabels = `{service="${service}", sloth_id="${service}-availability", sloth_service="${service}", sloth_slo="availability"`;

function expectPasses(scenario: Scenario): void {
  const { status, output } = runPromtoolTest(scenario);
  if (status !== 0) throw new Error(`promtool test rules failed:\n${output}`);
  expect(output).toMatch(/SUCCESS/);
}

describeWithBinaries([PROMTOOL], 'availability SLO alerts (promtool test rules)', () => {
  it('pages within minutes of a full outage, and every alert resolves after recovery', () => {
    expectPasses({
      service,
      ruleFile,
      slos: ['availability'],
      series: serviceTraffic(service, [rps10({ minutes: 60 }), rps10({ minutes: 10, errorShare: 1 }), rps10({ minutes: 380 })]),
      alerts: [
        { at: '59m', alert: ALERT, firing: [] },
        { at: '64m', alert: ALERT, firing: [page] },
        // The 30m short window holds the page for up to 30 minutes after recovery (workbook reset time).
        { at: '80m', alert: ALERT, firing: [page, ticket] },
        // The outage spent a quarter of the month's budget: the page ends, a ticket stays.
        { at: '110m', alert: ALERT, firing: [ticket] },
        { at: '440m', alert: ALERT, firing: [] },
      ],
      exprs: [
        // 6000 failed of 264000 requests: burn 22.73x, so the budget is overspent 21.73 times.
        { at: '440m', expr: `round(slo:period_error_budget_remaining:ratio${sel}, 0.01)`, samples: [{ labels: `${sloLabels}}`, value: -21.73 }] },
        { at: '440m', expr: `round(slo:period_burn_rate:ratio${sel}, 0.01)`, samples: [{ labels: `${sloLabels}}`, value: 22.73 }] },
      ],
    });
  });

  it('pages through the fast 1h/5m pair at a 2 % error rate (20x) before the 6h window crosses 6x', () => {
    expectPasses({
      service,
      ruleFile,
      slos: ['availability'],
      series: serviceTraffic(service, [rps10({ minutes: 180 }), rps10({ minutes: 60, errorShare: 0.02 })]),
      alerts: [
        // 40 minutes in, the 1h window holds 1.33 %, under 14.4x (1.44 %): a ticket, no page yet.
        { at: '220m', alert: ALERT, firing: [ticket] },
        { at: '232m', alert: ALERT, firing: [page, ticket] },
      ],
      exprs: [
        { at: '232m', expr: `slo:sli_error:ratio_rate1h${sel} > bool (14.4 * 0.001)`, samples: [{ labels: `${sloLabels}, sloth_window="1h"}`, value: 1 }] },
        { at: '232m', expr: `slo:sli_error:ratio_rate6h${sel} > bool (6 * 0.001)`, samples: [{ labels: `${sloLabels}, sloth_window="6h"}`, value: 0 }] },
      ],
    });
  });

  it('opens a ticket but never pages at a 0.5 % error rate (5x)', () => {
    expectPasses({
      service,
      ruleFile,
      slos: ['availability'],
      series: serviceTraffic(service, [rps10({ minutes: 240, errorShare: 0.005 })]),
      alerts: [
        { at: '30m', alert: ALERT, firing: [ticket] },
        { at: '240m', alert: ALERT, firing: [ticket] },
      ],
    });
  });

  it('pages nobody for a 3-minute blip of 10 % errors, though the 5m window burns at 60x', () => {
    expectPasses({
      service,
      ruleFile,
      slos: ['availability'],
      series: serviceTraffic(service, [rps10({ minutes: 360 }), rps10({ minutes: 3, errorShare: 0.1 }), rps10({ minutes: 60 })]),
      alerts: ['363m', '366m', '370m', '380m', '420m'].map((at) => ({ at, alert: ALERT, firing: [] })),
      exprs: [
        { at: '366m', expr: `slo:sli_error:ratio_rate5m${sel} > bool (14.4 * 0.001)`, samples: [{ labels: `${sloLabels}, sloth_window="5m"}`, value: 1 }] },
      ],
    });
  });
});
