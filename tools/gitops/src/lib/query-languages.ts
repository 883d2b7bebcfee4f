// Parsing of the three query languages with the grammars Grafana and Prometheus themselves use
// (lezer), after replacing Grafana's template variables with plain values the grammars accept.
import { createRequire } from 'node:module';

// The grammars ship as ES modules with CommonJS builds; this project compiles to CommonJS, so they
// are loaded through require with their ESM type declarations.
type PromqlModule = typeof import('@prometheus-io/lezer-promql', { with: { 'resolution-mode': 'import' } });
type LogqlModule = typeof import('@grafana/lezer-logql', { with: { 'resolution-mode': 'import' } });
type TraceqlModule = typeof import('@grafana/lezer-traceql', { with: { 'resolution-mode': 'import' } });
type LezerParser = PromqlModule['parser'];

const load = createRequire(__filename);
const promqlParser: LezerParser = (load('@prometheus-io/lezer-promql') as PromqlModule).parser;
const logqlParser: LezerParser = (load('@grafana/lezer-logql') as LogqlModule).parser;
const traceqlParser: LezerParser = (load('@grafana/lezer-traceql') as TraceqlModule).parser;

/**
 * Grafana expands these before a query reaches the datasource: interval variables become durations,
 * `$__tags` (trace → metrics) a label matcher, everything else (`$service`, `${__trace.traceId}`) a
 * plain value, which in these queries always sits inside a quoted string.
 */
export function substituteGrafanaVariables(query: string): string {
  return query
    .replace(/\$__tags/g, 'service="x"')
    .replace(/\$__(rate_interval|interval|range)\b/g, '5m')
    .replace(/\$\{[^}]*\}/g, 'x')
    .replace(/\$\w+/g, 'x');
}

/** Positions (with the text around them) where the grammar found an error; empty when it parses. */
function syntaxErrors(parser: LezerParser, query: string): string[] {
  const errors: string[] = [];
  const cursor = parser.parse(query).cursor();
  do {
    if (cursor.type.isError) errors.push(`at ${cursor.from}: …${query.slice(Math.max(0, cursor.from - 15), cursor.from + 15)}…`);
  } while (cursor.next());
  return errors;
}

export const promqlErrors = (expr: string): string[] => syntaxErrors(promqlParser, substituteGrafanaVariables(expr));
export const logqlErrors = (expr: string): string[] => syntaxErrors(logqlParser, substituteGrafanaVariables(expr));
export const traceqlErrors = (expr: string): string[] => syntaxErrors(traceqlParser, substituteGrafanaVariables(expr));

/** Every metric name a PromQL expression selects: `name{…}` and `{__name__="name"}`. */
export function promqlMetricNames(expr: string): string[] {
  const query = substituteGrafanaVariables(expr);
  const names = new Set<string>();
  const cursor = promqlParser.parse(query).cursor();
  do {
    if (cursor.name !== 'VectorSelector') continue;
    const selector = cursor.node;
    const identifier = selector.getChild('Identifier');
    if (identifier) names.add(query.slice(identifier.from, identifier.to));
    const byName = /__name__\s*=\s*"([^"]+)"/.exec(query.slice(selector.from, selector.to));
    if (byName) names.add(byName[1]);
  } while (cursor.next());
  return [...names];
}

/** `label_values(selector, label)` (a Grafana variable query) → its PromQL selector. */
export function labelValuesSelector(variableQuery: string): string | undefined {
  return /^label_values\((.+),\s*[a-zA-Z_]\w*\)$/.exec(variableQuery.trim())?.[1];
}

/** Each selector of a PromQL expression: its metric name and the label names it matches on. */
export function promqlSelectors(expr: string): Array<{ metric: string; labels: string[] }> {
  const query = substituteGrafanaVariables(expr);
  const selectors: Array<{ metric: string; labels: string[] }> = [];
  const cursor = promqlParser.parse(query).cursor();
  do {
    if (cursor.name !== 'VectorSelector') continue;
    const selector = cursor.node;
    const identifier = selector.getChild('Identifier');
    if (!identifier) continue;
    const labels: string[] = [];
    const inner = selector.cursor();
    do {
      if (inner.name === 'LabelName') labels.push(query.slice(inner.from, inner.to));
    } while (inner.next() && inner.from < selector.to);
    selectors.push({ metric: query.slice(identifier.from, identifier.to), labels });
  } while (cursor.next());
  return selectors;
}
