// Get-or-create wrappers over prom-client for catalog metrics, with exemplars attached from the
// active sampled span, so services write `histogram(METRICS.x).observe(labels, seconds)` and never
// handle trace ids or exemplar plumbing themselves.
import { LATENCY_BUCKETS_SECONDS, MetricDefinition } from '@obs/contracts';
import { Counter, Gauge, Registry } from 'prom-client';
import { ExemplarHistogram } from './exemplar-histogram';
import { ActiveSpanIds } from '../tracing/trace-context';
import { exemplarFor } from './exemplars';

export type LabelsOf<D extends MetricDefinition> = Partial<Record<D['labels'][number], string | number>>;

export interface TracedCounter<D extends MetricDefinition> {
  inc(labels?: LabelsOf<D>, value?: number): void;
}

export interface TracedHistogram<D extends MetricDefinition> {
  /** `ids` overrides the active span, for callers that captured it earlier (e.g. at request start). */
  observe(labels: LabelsOf<D>, seconds: number, ids?: ActiveSpanIds): void;
  /** Starts a timer; the returned function records the elapsed seconds with the final labels and returns them. */
  startTimer(labels?: LabelsOf<D>): (labels?: LabelsOf<D>) => number;
}

type Labels = Partial<Record<string, string | number>>;

function existing<T>(
  registry: Registry,
  definition: MetricDefinition,
  type: new (...args: never[]) => T,
): T | undefined {
  const found = registry.getSingleMetric(definition.name);
  if (found === undefined) return undefined;
  if (!(found instanceof type)) {
    throw new Error(`Metric ${definition.name} is already registered with a different type`);
  }
  return found;
}

function hasExemplars(metric: object): boolean {
  return (metric as { enableExemplars?: boolean }).enableExemplars === true;
}

export function catalogCounter<D extends MetricDefinition>(
  registry: Registry,
  definition: D,
): TracedCounter<D> {
  const counter =
    existing(registry, definition, Counter) ??
    new Counter({
      name: definition.name,
      help: definition.help,
      labelNames: [...definition.labels],
      registers: [registry],
      enableExemplars: true,
    });
  const exemplars = hasExemplars(counter);
  return {
    inc(labels: Labels = {}, value = 1) {
      const exemplarLabels = exemplarFor();
      if (exemplars) counter.inc({ labels, value, ...(exemplarLabels ? { exemplarLabels } : {}) });
      else counter.inc(labels, value);
    },
  };
}

export function catalogHistogram<D extends MetricDefinition>(
  registry: Registry,
  definition: D,
  buckets: readonly number[] = LATENCY_BUCKETS_SECONDS,
): TracedHistogram<D> {
  const histogram =
    existing(registry, definition, ExemplarHistogram) ??
    new ExemplarHistogram({
      name: definition.name,
      help: definition.help,
      labelNames: definition.labels,
      buckets,
      registers: [registry],
    });
  const observe = (labels: Labels, seconds: number, ids?: ActiveSpanIds) =>
    histogram.observe(labels, seconds, exemplarFor(ids));
  return {
    observe,
    startTimer(startLabels: Labels = {}) {
      const started = process.hrtime.bigint();
      return (endLabels: Labels = {}) => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        observe({ ...startLabels, ...endLabels }, seconds);
        return seconds;
      };
    },
  };
}

export function catalogGauge<D extends MetricDefinition>(
  registry: Registry,
  definition: D,
): Gauge<D['labels'][number]> {
  return (
    (existing(registry, definition, Gauge) as Gauge<D['labels'][number]> | undefined) ??
    new Gauge({
      name: definition.name,
      help: definition.help,
      labelNames: [...definition.labels],
      registers: [registry],
    })
  );
}
