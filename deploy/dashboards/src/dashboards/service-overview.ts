// Service overview: RED per service and route for HTTP and gRPC, latency with exemplars (a dot opens
// its trace), the service's error logs and its slowest traces.
import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import * as logs from '@grafana/grafana-foundation-sdk/logs';
import * as loki from '@grafana/grafana-foundation-sdk/loki';
import * as table from '@grafana/grafana-foundation-sdk/table';
import * as tempo from '@grafana/grafana-foundation-sdk/tempo';
import { LOKI, TEMPO } from '../lib/datasources';
import { bucket, count } from '../lib/metrics';
import { labelVariable, timeSeries } from '../lib/panels';

const http = `service=~"$service", http_route=~"$route"`;
const rpc = `service=~"$service"`;

export function serviceOverview(): DashboardBuilder {
  return new DashboardBuilder('Service overview')
    .uid('obs-service-overview')
    .tags(['observability-platform', 'red'])
    .description('Rate, errors and duration per service and route; exemplars link latency to traces.')
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .withVariable(labelVariable('service', 'Service', `label_values(${count('httpServerDuration')}, service)`))
    .withVariable(labelVariable('route', 'Route', `label_values(${count('httpServerDuration')}{service=~"$service"}, http_route)`))
    .withRow(new RowBuilder('HTTP (inbound)'))
    .withPanel(
      timeSeries('Requests per second by route', [
        { expr: `sum by (service, http_route) (rate(${count('httpServerDuration')}{${http}}[$__rate_interval]))`, legend: '{{service}} {{http_route}}' },
      ], { unit: 'reqps', width: 8 }),
    )
    .withPanel(
      timeSeries('Error ratio (5xx) by route', [
        {
          expr: `sum by (service, http_route) (rate(${count('httpServerDuration')}{${http}, http_response_status_code=~"5.."}[$__rate_interval])) / sum by (service, http_route) (rate(${count('httpServerDuration')}{${http}}[$__rate_interval]))`,
          legend: '{{service}} {{http_route}}',
        },
      ], { unit: 'percentunit', width: 8, min: 0 }),
    )
    .withPanel(
      timeSeries('Responses by status code', [
        { expr: `sum by (http_response_status_code) (rate(${count('httpServerDuration')}{${http}}[$__rate_interval]))`, legend: '{{http_response_status_code}}' },
      ], { unit: 'reqps', width: 8 }),
    )
    .withPanel(
      timeSeries('Latency p50 / p95 / p99 (exemplars link to traces)', [0.5, 0.95, 0.99].map((q) => ({
        expr: `histogram_quantile(${q}, sum by (le, service) (rate(${bucket('httpServerDuration')}{${http}}[$__rate_interval])))`,
        legend: `{{service}} p${Math.round(q * 100)}`,
        exemplar: true,
      })), { unit: 's', width: 12 }),
    )
    .withPanel(
      timeSeries('p99 latency by route', [
        {
          expr: `histogram_quantile(0.99, sum by (le, http_route) (rate(${bucket('httpServerDuration')}{${http}}[$__rate_interval])))`,
          legend: '{{http_route}}',
          exemplar: true,
        },
      ], { unit: 's', width: 12 }),
    )
    .withRow(new RowBuilder('gRPC (inbound)'))
    .withPanel(
      timeSeries('Calls per second by method', [
        { expr: `sum by (service, rpc_service, rpc_method) (rate(${count('rpcServerDuration')}{${rpc}}[$__rate_interval]))`, legend: '{{rpc_service}}/{{rpc_method}}' },
      ], { unit: 'reqps', width: 8 }),
    )
    .withPanel(
      timeSeries('Non-OK ratio by method', [
        {
          expr: `sum by (rpc_service, rpc_method) (rate(${count('rpcServerDuration')}{${rpc}, rpc_grpc_status_code!="0"}[$__rate_interval])) / sum by (rpc_service, rpc_method) (rate(${count('rpcServerDuration')}{${rpc}}[$__rate_interval]))`,
          legend: '{{rpc_service}}/{{rpc_method}}',
        },
      ], { unit: 'percentunit', width: 8, min: 0 }),
    )
    .withPanel(
      timeSeries('p99 call duration by method', [
        {
          expr: `histogram_quantile(0.99, sum by (le, rpc_service, rpc_method) (rate(${bucket('rpcServerDuration')}{${rpc}}[$__rate_interval])))`,
          legend: '{{rpc_service}}/{{rpc_method}}',
          exemplar: true,
        },
      ], { unit: 's', width: 8 }),
    )
    .withRow(new RowBuilder('Logs and traces'))
    .withPanel(
      new logs.PanelBuilder()
        .title('Error and warning logs')
        .datasource(LOKI)
        .span(12)
        .height(10)
        .showTime(true)
        .wrapLogMessage(true)
        .withTarget(new loki.DataqueryBuilder().datasource(LOKI).refId('A').expr('{service_name=~"$service"} | json | level=~"error|warn|50|40"')),
    )
    .withPanel(
      new table.PanelBuilder()
        .title('Slowest traces (over 500 ms)')
        .datasource(TEMPO)
        .span(12)
        .height(10)
        .withTarget(
          new tempo.DataqueryBuilder()
            .datasource(TEMPO)
            .refId('A')
            .queryType('traceql')
            .query('{ resource.service.name =~ "$service" && kind = server && duration > 500ms }')
            .limit(20),
        ),
    );
}
