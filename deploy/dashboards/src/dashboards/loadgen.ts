// Load generator: whether the open-loop schedule holds (offered vs achieved rate, schedule lag,
// drops), and what the traffic it sends sees (latency from the intended send time, status codes).
import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { bucket, metric } from '../lib/metrics';
import { statPanel, timeSeries } from '../lib/panels';

export function loadgen(): DashboardBuilder {
  return new DashboardBuilder('Load generator')
    .uid('obs-loadgen')
    .tags(['observability-platform', 'loadgen'])
    .description('Offered vs achieved arrival rate, schedule lag, drops and latency per scenario.')
    .refresh('10s')
    .time({ from: 'now-30m', to: 'now' })
    .withRow(new RowBuilder('Schedule'))
    .withPanel(statPanel('Offered rate', { expr: `sum(${metric('loadgenOfferedRps')})` }, { unit: 'reqps' }))
    .withPanel(statPanel('Achieved rate', { expr: `sum(${metric('loadgenAchievedRps')})` }, { unit: 'reqps' }))
    .withPanel(
      statPanel('p99 schedule lag', { expr: `histogram_quantile(0.99, sum by (le) (rate(${bucket('loadgenScheduleLag')}[$__rate_interval])))` }, { unit: 's' }),
    )
    .withPanel(statPanel('Dropped per second', { expr: `sum(rate(${metric('loadgenDropped')}[$__rate_interval]))` }, { unit: 'reqps' }))
    .withPanel(
      timeSeries('Offered vs achieved', [
        { expr: `sum(${metric('loadgenOfferedRps')})`, legend: 'offered' },
        { expr: `sum(${metric('loadgenAchievedRps')})`, legend: 'achieved' },
      ], { unit: 'reqps', width: 12 }),
    )
    .withPanel(
      timeSeries('Schedule lag p50 / p99', [0.5, 0.99].map((q) => ({
        expr: `histogram_quantile(${q}, sum by (le) (rate(${bucket('loadgenScheduleLag')}[$__rate_interval])))`,
        legend: `p${Math.round(q * 100)}`,
      })), { unit: 's', width: 12 }),
    )
    .withPanel(
      timeSeries('Drops by reason', [
        { expr: `sum by (reason) (rate(${metric('loadgenDropped')}[$__rate_interval]))`, legend: '{{reason}}' },
      ], { unit: 'reqps', width: 12 }),
    )
    .withRow(new RowBuilder('Traffic'))
    .withPanel(
      timeSeries('Completed requests by scenario and status', [
        { expr: `sum by (scenario, http_response_status_code) (rate(${metric('loadgenRequests')}[$__rate_interval]))`, legend: '{{scenario}} {{http_response_status_code}}' },
      ], { unit: 'reqps', width: 12 }),
    )
    .withPanel(
      timeSeries('p99 latency from intended send time, by scenario', [
        {
          expr: `histogram_quantile(0.99, sum by (le, scenario) (rate(${bucket('loadgenDuration')}[$__rate_interval])))`,
          legend: '{{scenario}}',
          exemplar: true,
        },
      ], { unit: 's', width: 12 }),
    );
}
