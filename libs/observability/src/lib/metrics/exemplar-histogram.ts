// A histogram for the per-request hot path. prom-client's Histogram validates and hashes the label
// object on every observation, twice when there is an exemplar (once for the counts, once for the
// exemplar); the benchmark's profile put prom-client at ~10 µs of every request (docs/performance.md).
// This one keys a series by its label values in declared order, so an observation is a Map lookup per
// label and a bucket scan, and labels are validated only when a series is created. It registers as an
// ordinary prom-client metric: get() returns the shape the registry renders (cumulative buckets,
// +Inf, _sum, _count, and each bucket's latest exemplar in OpenMetrics), which a spec holds equal to
// prom-client's own Histogram.
import type { MetricValueWithName, Registry } from 'prom-client';

/** What prom-client's registry renders a metric from (its typings also demand a collect hook). */
export interface HistogramSnapshot {
  readonly name: string;
  readonly help: string;
  readonly type: 'histogram';
  readonly values: MetricValueWithName<string>[];
  readonly aggregator: 'sum';
}

export interface ExemplarLabelSet {
  readonly trace_id: string;
  readonly span_id: string;
}

interface Exemplar {
  labelSet: ExemplarLabelSet;
  value: number;
  /** Seconds since the epoch, as prom-client renders it. */
  timestamp: number;
}

interface Series {
  readonly labels: Record<string, string | number>;
  /** Non-cumulative count per finite bucket; values above the last bound only reach `count`. */
  readonly counts: number[];
  /** Latest exemplar per bucket; the slot after the last finite bucket is +Inf's. */
  readonly exemplars: (Exemplar | undefined)[];
  sum: number;
  count: number;
}

export interface ExemplarHistogramOptions<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  /** Finite upper bounds, ascending. */
  readonly buckets: readonly number[];
  readonly registers?: readonly Registry[];
}

// The slot of a series in the innermost Map; no label value is a symbol.
const SERIES = Symbol('series');

type Level = Map<string | symbol, unknown>;

const labelText = (value: string | number | undefined): string =>
  value === undefined ? '' : typeof value === 'string' ? value : String(value);

export class ExemplarHistogram<L extends string = string> {
  readonly type = 'histogram' as const;
  readonly aggregator = 'sum' as const;
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  readonly upperBounds: readonly number[];
  private readonly declared: ReadonlySet<string>;
  /** Series by label values, one Map level per declared label. */
  private root: Level = new Map();
  /** The same series in creation order, for get(). */
  private series: Series[] = [];

  constructor(options: ExemplarHistogramOptions<L>) {
    this.name = options.name;
    this.help = options.help;
    this.labelNames = [...options.labelNames];
    this.declared = new Set(this.labelNames);
    if (this.declared.has('le')) throw new Error(`Histogram ${this.name} cannot have a label named "le"`);
    this.upperBounds = [...options.buckets];
    for (let i = 1; i < this.upperBounds.length; i++) {
      if (!(this.upperBounds[i] > this.upperBounds[i - 1]))
        throw new Error(`Histogram ${this.name} buckets must be ascending`);
    }
    for (const registry of options.registers ?? []) registry.registerMetric(this as never);
  }

  observe(labels: Partial<Record<L, string | number>>, value: number, exemplar?: ExemplarLabelSet): void {
    if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
    const series = this.seriesFor(labels);
    const bounds = this.upperBounds;
    let bucket = 0;
    while (bucket < bounds.length && value > bounds[bucket]) bucket++;
    if (bucket < bounds.length) series.counts[bucket]++;
    series.sum += value;
    series.count++;
    if (exemplar) series.exemplars[bucket] = { labelSet: exemplar, value, timestamp: Date.now() / 1000 };
  }

  reset(): void {
    this.root = new Map();
    this.series = [];
  }

  async get(): Promise<HistogramSnapshot> {
    const values: MetricValueWithName<string>[] = [];
    const bucketName = `${this.name}_bucket`;
    for (const series of this.series) {
      let cumulative = 0;
      this.upperBounds.forEach((le, i) => {
        cumulative += series.counts[i];
        values.push(this.value(bucketName, { le, ...series.labels }, cumulative, series.exemplars[i]));
      });
      const inf = series.exemplars[this.upperBounds.length];
      values.push(this.value(bucketName, { le: '+Inf', ...series.labels }, series.count, inf));
      values.push(this.value(`${this.name}_sum`, { ...series.labels }, series.sum));
      values.push(this.value(`${this.name}_count`, { ...series.labels }, series.count));
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  private value(
    metricName: string,
    labels: Record<string, string | number>,
    value: number,
    exemplar?: Exemplar,
  ): MetricValueWithName<string> {
    return { metricName, labels, value, ...(exemplar ? { exemplar: { ...exemplar } } : {}) } as MetricValueWithName<string>;
  }

  private seriesFor(labels: Partial<Record<L, string | number>>): Series {
    // One Map level per declared label, keyed by the value as text (200 and '200' are one series, as
    // in prom-client): the lookup builds no key string.
    const names = this.labelNames;
    let level: Level | undefined = this.root;
    let declaredGiven = 0;
    for (let i = 0; i < names.length && level; i++) {
      const value = labels[names[i]];
      if (value !== undefined) declaredGiven++;
      level = level.get(labelText(value)) as Level | undefined;
    }
    let given = 0;
    for (const name in labels) if (labels[name as L] !== undefined) given++;
    // An undeclared label must not land in the series its declared ones name.
    const found = level && given === declaredGiven ? (level.get(SERIES) as Series | undefined) : undefined;
    return found ?? this.createSeries(labels);
  }

  private createSeries(labels: Partial<Record<L, string | number>>): Series {
    for (const name of Object.keys(labels)) {
      if (!this.declared.has(name))
        throw new Error(`Added label "${name}" is not included in initial labelset: ${JSON.stringify(this.labelNames)}`);
    }
    let level = this.root;
    for (const name of this.labelNames) {
      const text = labelText(labels[name]);
      let next = level.get(text) as Level | undefined;
      if (!next) level.set(text, (next = new Map()));
      level = next;
    }
    const created: Series = {
      labels: { ...(labels as Record<string, string | number>) },
      counts: this.upperBounds.map(() => 0),
      exemplars: [],
      sum: 0,
      count: 0,
    };
    level.set(SERIES, created);
    this.series.push(created);
    return created;
  }
}
