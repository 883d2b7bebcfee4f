// The e2e rule variant does what the end-to-end suite needs: with payments failing every request, a
// critical page fires within a minute of the outage starting (samples and evaluations every 15 s, as
// a local Prometheus would take them).
import { PROMTOOL, describeWithBinaries } from '@obs/testing';
import { join } from 'node:path';
import { e2eRulesPath } from '../outputs';
import { serviceTraffic } from './traffic';
import { runPromtoolTest } from './unit-test';

const root = join(__dirname, '..', '..', '..', '..');
const service = 'payments';

describeWithBinaries([PROMTOOL], 'e2e rule variant (promtool test rules)', () => {
  it('pages within a minute of payments failing every request, at 15 s steps', () => {
    // 10 rps: 150 requests per 15 s step; clean for 10 minutes, then all fail.
    const { status, output } = runPromtoolTest({
      service,
      ruleFile: join(root, e2eRulesPath(service)),
      slos: ['availability'],
      interval: '15s',
      series: serviceTraffic(service, [{ steps: 40, good: 150 }, { steps: 20, errors: 150 }]),
      alerts: [
        { at: '10m', alert: 'AvailabilityErrorBudgetBurn', firing: [] },
        { at: '11m', alert: 'AvailabilityErrorBudgetBurn', firing: [{ slo: 'availability', severity: 'page' }] },
      ],
    });
    if (status !== 0) throw new Error(`promtool test rules failed:\n${output}`);
    expect(output).toMatch(/SUCCESS/);
  });
});
