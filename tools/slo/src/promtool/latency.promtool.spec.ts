// The latency SLO (99 % of requests within 500 ms, budget 1 %) alerts like the availability one, proven
// by promtool on the committed rules for orders; failed-but-fast requests never count as slow.
import { PROMTOOL, describeWithBinaries } from '@obs/testing';
import { join } from 'node:path';
import { localRulesPath } from '../outputs';
import { rps10, serviceTraffic } from './traffic';
import { Scenario, runPromtoolTest } from './unit-test';

const root = join(__dirname, '..', '..', '..', '..');
const service = 'orders';
const ruleFile = join(root, localRulesPath(service));
const ALERT = 'LatencyErrorBudgetBurn';
const page = { slo: 'latency', severity: 'page' } as const;
const ticket = { slo: 'latency', severity: 'ticket' } as const;
const sel = `{sloth_id="${service}-latency"}`;
const sloLabels = `{service="${service}", sloth_id="${service}-latency", sloth_service="${service}", sloth_slo="latency"`;

function expectPasses(scenario: Scenario): void {
  const { status, output } = runPromtoolTest(scenario);
  if (status !== 0) throw new Error(`promtool test rules failed:\n${output}`);
  expect(output).toMatch(/SUCCESS/);
}

describeWithBinaries([PROMTOOL], 'latency SLO alerts (promtool test rules)', () => {
  it('pages within minutes when every request is slow, and every alert resolves after recovery', () => {
    expectPasses({
      service,
      ruleFile,
      slos: ['latency'],
      series: serviceTraffic(service, [rps10({ minutes: 60 }), rps10({ minutes: 10, slowShare: 1 }), rps10({ minutes: 380 })]),
      alerts: [
        { at: '59m', alert: ALERT, firing: [] },
        { at: '68m', alert: ALERT, firing: [page] },
        { at: '110m', alert: ALERT, firing: [ticket] },
        { at: '440m', alert: ALERT, firing: [] },
      ],
    });
  });

  it('pages through the fast 1h/5m pair when 20 % of requests are slow (20x)', () => {
    expectPasses({
      service,
      ruleFile,
      slos: ['latency'],
      series: serviceTraffic(service, [rps10({ minutes: 180 }), rps10({ minutes: 60, slowShare: 0.2 })]),
      alerts: [
        { at: '220m', alert: ALERT, firing: [ticket] },
        { at: '232m', alert: ALERT, firing: [page, ticket] },
      ],
      exprs: [
        { at: '232m', expr: `slo:sli_error:ratio_rate6h${sel} > bool (6 * 0.01)`, samples: [{ labels: `${sloLabels}, sloth_window="6h"}`, value: 0 }] },
      ],
    });
  });

  it('opens a ticket but never pages when 5 % of requests are slow (5x)', () => {
    expectPasses({
      service,
      ruleFile,
      slos: ['latency'],
      series: serviceTraffic(service, [rps10({ minutes: 240, slowShare: 0.05 })]),
      alerts: [
        { at: '30m', alert: ALERT, firing: [ticket] },
        { at: '240m', alert: ALERT, firing: [ticket] },
      ],
    });
  });

  it('pages nobody for a 3-minute blip with half the requests slow', () => {
    expectPasses({
      service,
      ruleFile,
      slos: ['latency'],
      series: serviceTraffic(service, [rps10({ minutes: 360 }), rps10({ minutes: 3, slowShare: 0.5 }), rps10({ minutes: 60 })]),
      alerts: ['363m', '366m', '380m', '420m'].map((at) => ({ at, alert: ALERT, firing: [] })),
    });
  });

  it('does not count fast errors against latency', () => {
    expectPasses({
      service,
      ruleFile,
      slos: ['latency'],
      series: serviceTraffic(service, [rps10({ minutes: 60, errorShare: 0.5 })]),
      alerts: [{ at: '60m', alert: ALERT, firing: [] }],
      exprs: [{ at: '60m', expr: `slo:sli_error:ratio_rate5m${sel}`, samples: [{ labels: `slo:sli_error:ratio_rate5m${sloLabels}, sloth_window="5m"}`, value: 0 }] }],
    });
  });
});
