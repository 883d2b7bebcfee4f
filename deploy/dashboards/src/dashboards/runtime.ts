// Runtime: the Node.js process under each service (event-loop lag, heap, GC, CPU), from prom-client's
// default metrics, to tell a slow dependency from a starved process.
import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { count } from '../lib/metrics';
import { labelVariable, timeSeries } from '../lib/panels';
import { RUNTIME } from '../lib/runtime-metrics';

const sel = `service=~"$service"`;

export function runtime(): DashboardBuilder {
  return new DashboardBuilder('Runtime')
    .uid('obs-runtime')
    .tags(['observability-platform', 'nodejs'])
    .description('Event-loop lag, heap, garbage collection and CPU per service instance.')
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .withVariable(labelVariable('service', 'Service', `label_values(${RUNTIME.cpu}, service)`))
    .withRow(new RowBuilder('Event loop and CPU'))
    .withPanel(
      timeSeries('Event-loop lag p99 and mean', [
        { expr: `max by (service, instance) (${RUNTIME.eventLoopLagP99}{${sel}})`, legend: '{{service}} {{instance}} p99' },
        { expr: `max by (service, instance) (${RUNTIME.eventLoopLagMean}{${sel}})`, legend: '{{service}} {{instance}} mean' },
      ], { unit: 's', width: 12 }),
    )
    .withPanel(
      timeSeries('CPU (cores)', [
        { expr: `sum by (service, instance) (rate(${RUNTIME.cpu}{${sel}}[$__rate_interval]))`, legend: '{{service}} {{instance}}' },
      ], { unit: 'short', width: 12, min: 0 }),
    )
    .withRow(new RowBuilder('Memory and GC'))
    .withPanel(
      timeSeries('Heap used / total and RSS', [
        { expr: `sum by (service, instance) (${RUNTIME.heapUsed}{${sel}})`, legend: '{{service}} {{instance}} heap used' },
        { expr: `sum by (service, instance) (${RUNTIME.heapTotal}{${sel}})`, legend: '{{service}} {{instance}} heap total' },
        { expr: `sum by (service, instance) (${RUNTIME.rss}{${sel}})`, legend: '{{service}} {{instance}} RSS' },
      ], { unit: 'bytes', width: 12 }),
    )
    .withPanel(
      timeSeries('Time in GC per second, by kind', [
        { expr: `sum by (service, kind) (rate(${RUNTIME.gcDurationSum}{${sel}}[$__rate_interval]))`, legend: '{{service}} {{kind}}' },
      ], { unit: 's', width: 12 }),
    )
    .withPanel(
      timeSeries('GC runs per second, by kind', [
        { expr: `sum by (service, kind) (rate(${RUNTIME.gcDurationCount}{${sel}}[$__rate_interval]))`, legend: '{{service}} {{kind}}' },
      ], { unit: 'ops', width: 12 }),
    )
    .withPanel(
      timeSeries('Active handles and open file descriptors', [
        { expr: `sum by (service, instance) (${RUNTIME.activeHandles}{${sel}})`, legend: '{{service}} {{instance}} handles' },
        { expr: `sum by (service, instance) (${RUNTIME.openFds}{${sel}})`, legend: '{{service}} {{instance}} fds' },
      ], { width: 12 }),
    )
    .withPanel(
      timeSeries('Requests per second (for scale)', [
        { expr: `sum by (service) (rate(${count('httpServerDuration')}{${sel}}[$__rate_interval]))`, legend: '{{service}}' },
      ], { unit: 'reqps', width: 24 }),
    );
}
