// Small builders shared by every dashboard: consistent legends, units and query defaults, so each
// dashboard file reads as a list of questions and the PromQL that answers them.
import * as common from '@grafana/grafana-foundation-sdk/common';
import { QueryVariableBuilder, VariableRefresh, VariableSort } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Dashboard, ValueMapping } from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import { PROMETHEUS } from './datasources';

export interface PromTarget {
  readonly expr: string;
  readonly legend?: string;
  /** Latency panels ask for exemplars so a dot on the graph opens its trace in Tempo. */
  readonly exemplar?: boolean;
}

export function promQuery(target: PromTarget, refId: string): prometheus.DataqueryBuilder {
  const query = new prometheus.DataqueryBuilder()
    .datasource(PROMETHEUS)
    .refId(refId)
    .expr(target.expr)
    .legendFormat(target.legend ?? '__auto')
    .range();
  return target.exemplar ? query.exemplar(true) : query;
}

function refId(index: number): string {
  return String.fromCharCode('A'.charCodeAt(0) + index);
}

export interface PanelOptions {
  readonly description?: string;
  readonly unit?: string;
  readonly width?: number;
  readonly height?: number;
  readonly min?: number;
  readonly max?: number;
  readonly mappings?: ValueMapping[];
}

export function timeSeries(title: string, targets: readonly PromTarget[], options: PanelOptions = {}): timeseries.PanelBuilder {
  const panel = new timeseries.PanelBuilder()
    .title(title)
    .datasource(PROMETHEUS)
    .unit(options.unit ?? 'short')
    .span(options.width ?? 12)
    .height(options.height ?? 8)
    .lineWidth(1)
    .fillOpacity(10)
    .legend(new common.VizLegendOptionsBuilder().showLegend(true).displayMode(common.LegendDisplayMode.List).placement(common.LegendPlacement.Bottom))
    .tooltip(new common.VizTooltipOptionsBuilder().mode(common.TooltipDisplayMode.Multi).sort(common.SortOrder.Descending));
  targets.forEach((t, i) => panel.withTarget(promQuery(t, refId(i))));
  if (options.description) panel.description(options.description);
  if (options.min !== undefined) panel.min(options.min);
  if (options.max !== undefined) panel.max(options.max);
  return panel;
}

export function statPanel(title: string, target: PromTarget, options: PanelOptions = {}): stat.PanelBuilder {
  const panel = new stat.PanelBuilder()
    .title(title)
    .datasource(PROMETHEUS)
    .unit(options.unit ?? 'short')
    .span(options.width ?? 6)
    .height(options.height ?? 5)
    .graphMode(common.BigValueGraphMode.Area)
    .colorMode(common.BigValueColorMode.Value)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .withTarget(promQuery(target, 'A'));
  if (options.description) panel.description(options.description);
  if (options.min !== undefined) panel.min(options.min);
  if (options.max !== undefined) panel.max(options.max);
  if (options.mappings) panel.mappings(options.mappings);
  return panel;
}

/** A Prometheus label_values() variable; `multi` adds "All" as a regex-friendly `.*`. */
export function labelVariable(name: string, label: string, query: string, multi = true): QueryVariableBuilder {
  return new QueryVariableBuilder(name)
    .label(label)
    .datasource(PROMETHEUS)
    .query({ qryType: 1, query, refId: 'PrometheusVariableQueryEditor-VariableQuery' })
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(multi)
    .includeAll(multi)
    .allValue('.*');
}

/** Grafana needs unique panel ids; the SDK leaves them unset, so they are numbered in layout order. */
export function numberPanels(dashboard: Dashboard): Dashboard {
  let next = 1;
  for (const panel of dashboard.panels ?? []) {
    panel.id = next++;
    if (panel.type === 'row' && 'panels' in panel) for (const inner of panel.panels) inner.id = next++;
  }
  return dashboard;
}
