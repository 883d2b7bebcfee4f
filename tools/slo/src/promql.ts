// PromQL checks for SLI queries, on the real PromQL grammar (@prometheus-io/lezer-promql): the query
// parses, names only metrics from the catalog, is scoped to its service, and any `le` it uses is a
// bucket the services actually expose. Each of these mistakes otherwise yields an SLI that is
// silently empty or silently perfect.
import { LATENCY_BUCKETS_SECONDS, METRICS } from '@obs/contracts';
import { createRequire } from 'node:module';

// The grammar ships as an ES module with a CommonJS build; this project compiles to CommonJS, so it
// is loaded through require with its ESM type declarations.
type PromqlModule = typeof import('@prometheus-io/lezer-promql', { with: { 'resolution-mode': 'import' } });
const { parser } = createRequire(__filename)('@prometheus-io/lezer-promql') as PromqlModule;

export const WINDOW_PLACEHOLDER = '{{.window}}';

/** Every series name the services expose, from the catalog (histograms as _bucket/_count/_sum). */
export function exposedSeriesNames(): Set<string> {
  const names = new Set<string>();
  for (const metric of Object.values(METRICS)) {
    if (metric.type === 'histogram') {
      for (const suffix of ['_bucket', '_count', '_sum']) names.add(metric.name + suffix);
    } else {
      names.add(metric.name);
    }
  }
  return names;
}

/** The `le` values prom-client writes for the catalog's buckets. */
const BUCKET_LABELS = new Set<string>([...LATENCY_BUCKETS_SECONDS.map(String), '+Inf']);

export function renderWindow(query: string, window: string): string {
  return query.split(WINDOW_PLACEHOLDER).join(window);
}

export interface LabelMatcher {
  readonly name: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

export interface Selector {
  readonly metric: string | undefined;
  readonly matchers: readonly LabelMatcher[];
}

/** Parses a PromQL expression; throws with the offending text when it does not parse. */
export function vectorSelectors(expr: string): Selector[] {
  const tree = parser.parse(expr);
  const selectors: Selector[] = [];
  let error: string | undefined;
  tree.iterate({
    enter(node) {
      if (node.type.isError && error === undefined) {
        error = `does not parse near "${expr.slice(Math.max(0, node.from - 10), node.to + 10)}"`;
      }
      if (node.name !== 'VectorSelector') return;
      let metric: string | undefined;
      const matchers: LabelMatcher[] = [];
      const child = node.node.firstChild;
      for (let c = child; c; c = c.nextSibling) {
        if (c.name === 'Identifier') metric = expr.slice(c.from, c.to);
        if (c.name !== 'LabelMatchers') continue;
        for (let m = c.firstChild; m; m = m.nextSibling) {
          const name = m.getChild('LabelName');
          const op = m.getChild('MatchOp');
          const value = m.getChild('StringLiteral');
          if (!name || !op || !value) continue;
          matchers.push({
            name: expr.slice(name.from, name.to),
            op: expr.slice(op.from, op.to) as LabelMatcher['op'],
            value: JSON.parse(expr.slice(value.from, value.to).replace(/^'|'$/g, '"')) as string,
          });
        }
      }
      selectors.push({ metric, matchers });
    },
  });
  if (error !== undefined) throw new Error(error);
  return selectors;
}

/** Problems with one SLI query of `service`'s spec; empty when the query is sound. */
export function checkSliQuery(query: string, service: string): string[] {
  if (!query.includes(WINDOW_PLACEHOLDER)) return [`must use ${WINDOW_PLACEHOLDER} as its range`];
  let selectors: Selector[];
  try {
    selectors = vectorSelectors(renderWindow(query, '5m'));
  } catch (error) {
    return [(error as Error).message];
  }
  if (selectors.length === 0) return ['selects no series'];
  const known = exposedSeriesNames();
  const problems: string[] = [];
  for (const s of selectors) {
    if (s.metric === undefined) {
      problems.push('every selector needs a metric name');
      continue;
    }
    if (!known.has(s.metric)) problems.push(`${s.metric} is not in the metric catalog (@obs/contracts METRICS)`);
    if (!s.matchers.some((m) => m.name === 'service' && m.op === '=' && m.value === service)) {
      problems.push(`${s.metric} must be scoped with service="${service}"`);
    }
    for (const m of s.matchers.filter((x) => x.name === 'le')) {
      if (m.op !== '=' || !BUCKET_LABELS.has(m.value)) {
        problems.push(`le must equal one of the exposed buckets (${[...BUCKET_LABELS].join(', ')}), got le${m.op}"${m.value}"`);
      }
    }
  }
  return problems;
}

/**
 * The series an SLI is computed from, keeping only equality matchers: if any of them disappears the
 * SLI goes quiet (or, for a latency SLI missing its bucket, perfect), so each becomes an absent() check.
 */
export function sourceSelectors(queries: readonly string[]): string[] {
  const out = new Set<string>();
  for (const q of queries) {
    for (const s of vectorSelectors(renderWindow(q, '5m'))) {
      const eq = s.matchers.filter((m) => m.op === '=').map((m) => `${m.name}=${JSON.stringify(m.value)}`);
      out.add(`${s.metric ?? ''}{${eq.join(',')}}`);
    }
  }
  return [...out];
}
