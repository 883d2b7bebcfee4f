// SLO overview from the Sloth-compatible recording rules the SLO generator writes: the SLI against its
// objective, the error budget left in the 30-day window, and the burn rates the multi-window alerts use.
import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { SLO_RULES } from '../lib/metrics';
import { labelVariable, statPanel, timeSeries } from '../lib/panels';

const sel = `sloth_service=~"$service", sloth_slo=~"$slo"`;
const by = 'sloth_service, sloth_slo';

/** Burn rate over a window: the window's error ratio over the budget (1 - objective). */
function burnRate(window: '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d'): string {
  return `max by (${by}) (${SLO_RULES.sliErrorRatio(window)}{${sel}}) / on (${by}) max by (${by}) (${SLO_RULES.errorBudget}{${sel}})`;
}

export function sloOverview(): DashboardBuilder {
  return new DashboardBuilder('SLO overview')
    .uid('obs-slo-overview')
    .tags(['observability-platform', 'slo'])
    .description('Per service and SLO: SLI, error budget remaining and burn rates (30-day window).')
    .refresh('1m')
    .time({ from: 'now-7d', to: 'now' })
    .withVariable(labelVariable('service', 'Service', `label_values(${SLO_RULES.objective}, sloth_service)`))
    .withVariable(labelVariable('slo', 'SLO', `label_values(${SLO_RULES.objective}{sloth_service=~"$service"}, sloth_slo)`))
    .withRow(new RowBuilder('Now'))
    .withPanel(
      statPanel('SLI over 30 days', { expr: `1 - max by (${by}) (${SLO_RULES.sliErrorRatio('30d')}{${sel}})`, legend: '{{sloth_service}} {{sloth_slo}}' }, { unit: 'percentunit', width: 6, min: 0.95, max: 1 }),
    )
    .withPanel(
      statPanel('Objective', { expr: `max by (${by}) (${SLO_RULES.objective}{${sel}})`, legend: '{{sloth_service}} {{sloth_slo}}' }, { unit: 'percentunit', width: 6 }),
    )
    .withPanel(
      statPanel('Error budget remaining', { expr: `max by (${by}) (${SLO_RULES.budgetRemaining}{${sel}})`, legend: '{{sloth_service}} {{sloth_slo}}' }, { unit: 'percentunit', width: 6, max: 1 }),
    )
    .withPanel(
      statPanel('Current burn rate', { expr: `max by (${by}) (${SLO_RULES.currentBurnRate}{${sel}})`, legend: '{{sloth_service}} {{sloth_slo}}' }, { unit: 'x', width: 6, min: 0 }),
    )
    .withRow(new RowBuilder('Over time'))
    .withPanel(
      timeSeries('Error budget remaining', [
        { expr: `max by (${by}) (${SLO_RULES.budgetRemaining}{${sel}})`, legend: '{{sloth_service}} {{sloth_slo}}' },
      ], { unit: 'percentunit', width: 12, max: 1 }),
    )
    .withPanel(
      timeSeries('SLI error ratio (5m) against the budget', [
        { expr: `max by (${by}) (${SLO_RULES.sliErrorRatio('5m')}{${sel}})`, legend: '{{sloth_service}} {{sloth_slo}} errors' },
        { expr: `max by (${by}) (${SLO_RULES.errorBudget}{${sel}})`, legend: '{{sloth_service}} {{sloth_slo}} budget' },
      ], { unit: 'percentunit', width: 12, min: 0 }),
    )
    .withPanel(
      timeSeries('Page burn rates (1h & 5m at 14.4×, 6h & 30m at 6×)', [
        { expr: burnRate('5m'), legend: '{{sloth_service}} {{sloth_slo}} 5m' },
        { expr: burnRate('1h'), legend: '{{sloth_service}} {{sloth_slo}} 1h' },
        { expr: burnRate('30m'), legend: '{{sloth_service}} {{sloth_slo}} 30m' },
        { expr: burnRate('6h'), legend: '{{sloth_service}} {{sloth_slo}} 6h' },
      ], { unit: 'x', width: 12, min: 0 }),
    )
    .withPanel(
      timeSeries('Ticket burn rates (1d & 2h at 3×, 3d & 6h at 1×)', [
        { expr: burnRate('2h'), legend: '{{sloth_service}} {{sloth_slo}} 2h' },
        { expr: burnRate('1d'), legend: '{{sloth_service}} {{sloth_slo}} 1d' },
        { expr: burnRate('3d'), legend: '{{sloth_service}} {{sloth_slo}} 3d' },
      ], { unit: 'x', width: 12, min: 0 }),
    );
}
