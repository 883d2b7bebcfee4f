// Dependencies and resilience: how each service's downstream calls behave (RED from the caller's
// side), and what its resilience policies are doing about it (breaker state, retries, timeouts,
// bulkhead rejections), next to Tempo's service graph.
import { DashboardBuilder, MappingType, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import * as nodegraph from '@grafana/grafana-foundation-sdk/nodegraph';
import * as statetimeline from '@grafana/grafana-foundation-sdk/statetimeline';
import * as tempo from '@grafana/grafana-foundation-sdk/tempo';
import { PROMETHEUS, TEMPO } from '../lib/datasources';
import { bucket, count, metric, SPANMETRICS } from '../lib/metrics';
import { labelVariable, promQuery, timeSeries } from '../lib/panels';

const sel = `service=~"$service"`;

/** circuit_breaker_state: 0 closed, 1 half-open, 2 open (DESIGN.md "Metrics"). */
const breakerStates = {
  type: MappingType.ValueToText as const,
  options: {
    '0': { text: 'closed', color: 'green', index: 0 },
    '1': { text: 'half-open', color: 'yellow', index: 1 },
    '2': { text: 'open', color: 'red', index: 2 },
  },
};

export function dependencies(): DashboardBuilder {
  return new DashboardBuilder('Dependencies and resilience')
    .uid('obs-dependencies')
    .tags(['observability-platform', 'resilience'])
    .description('Downstream RED per caller and callee, and the resilience policies around each call.')
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .withVariable(labelVariable('service', 'Caller', `label_values(${metric('circuitBreakerState')}, service)`))
    .withRow(new RowBuilder('Downstream calls (gRPC client side)'))
    .withPanel(
      timeSeries('Calls per second by callee', [
        { expr: `sum by (service, rpc_service, rpc_method) (rate(${count('rpcClientDuration')}{${sel}}[$__rate_interval]))`, legend: '{{service}} → {{rpc_service}}/{{rpc_method}}' },
      ], { unit: 'reqps', width: 8 }),
    )
    .withPanel(
      timeSeries('Error ratio by callee', [
        {
          expr: `sum by (service, rpc_service) (rate(${count('rpcClientDuration')}{${sel}, rpc_grpc_status_code!="0"}[$__rate_interval])) / sum by (service, rpc_service) (rate(${count('rpcClientDuration')}{${sel}}[$__rate_interval]))`,
          legend: '{{service}} → {{rpc_service}}',
        },
      ], { unit: 'percentunit', width: 8, min: 0 }),
    )
    .withPanel(
      timeSeries('p99 call duration by callee', [
        {
          expr: `histogram_quantile(0.99, sum by (le, service, rpc_service) (rate(${bucket('rpcClientDuration')}{${sel}}[$__rate_interval])))`,
          legend: '{{service}} → {{rpc_service}}',
          exemplar: true,
        },
      ], { unit: 's', width: 8 }),
    )
    .withRow(new RowBuilder('Resilience policies'))
    .withPanel(
      new statetimeline.PanelBuilder()
        .title('Circuit breaker state by dependency')
        .datasource(PROMETHEUS)
        .span(12)
        .height(8)
        .mappings([breakerStates])
        .withTarget(promQuery({ expr: `max by (service, target) (${metric('circuitBreakerState')}{${sel}})`, legend: '{{service}} → {{target}}' }, 'A')),
    )
    .withPanel(
      timeSeries('Breaker transitions', [
        { expr: `sum by (service, target, to) (increase(${metric('circuitBreakerTransitions')}{${sel}}[$__rate_interval]))`, legend: '{{service}} → {{target}} to {{to}}' },
      ], { width: 12 }),
    )
    .withPanel(
      timeSeries('Retries per second', [
        { expr: `sum by (service, target) (rate(${metric('resilienceRetries')}{${sel}}[$__rate_interval]))`, legend: '{{service}} → {{target}}' },
      ], { unit: 'ops', width: 8 }),
    )
    .withPanel(
      timeSeries('Timeouts per second', [
        { expr: `sum by (service, target) (rate(${metric('resilienceTimeouts')}{${sel}}[$__rate_interval]))`, legend: '{{service}} → {{target}}' },
      ], { unit: 'ops', width: 8 }),
    )
    .withPanel(
      timeSeries('Bulkhead rejections per second', [
        { expr: `sum by (service, target) (rate(${metric('bulkheadRejections')}{${sel}}[$__rate_interval]))`, legend: '{{service}} → {{target}}' },
      ], { unit: 'ops', width: 8 }),
    )
    .withRow(new RowBuilder('Service graph (Tempo metrics-generator)'))
    .withPanel(
      timeSeries('Requests between services', [
        { expr: `sum by (client, server) (rate(${SPANMETRICS.graphRequests}[$__rate_interval]))`, legend: '{{client}} → {{server}}' },
        { expr: `sum by (client, server) (rate(${SPANMETRICS.graphFailed}[$__rate_interval]))`, legend: '{{client}} → {{server}} failed' },
      ], { unit: 'reqps', width: 12 }),
    )
    .withPanel(
      new nodegraph.PanelBuilder()
        .title('Service map')
        .datasource(TEMPO)
        .span(12)
        .height(8)
        .withTarget(new tempo.DataqueryBuilder().datasource(TEMPO).refId('A').queryType('serviceMap')),
    );
}
