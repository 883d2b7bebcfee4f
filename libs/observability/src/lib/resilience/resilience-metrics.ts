// The DESIGN.md resilience metrics, get-or-create on a prom-client registry: the observability
// module, a second ResilienceRegistry or a test may already have registered them on the same one.
import { METRICS, type MetricDefinition } from '@obs/contracts';
import { Counter, Gauge, type Registry, type RegistryContentType } from 'prom-client';

export type BreakerStateName = 'closed' | 'half-open' | 'open';

/** circuit_breaker_state values, as DESIGN.md fixes them (not cockatiel's enum order). */
export const BREAKER_STATE_VALUE: Record<BreakerStateName, number> = { closed: 0, 'half-open': 1, open: 2 };

function getOrCreate<M>(
  registry: Registry<RegistryContentType>,
  definition: MetricDefinition,
  type: abstract new (...args: never[]) => M,
  create: () => M,
): M {
  const existing = registry.getSingleMetric(definition.name);
  if (existing === undefined) return create();
  if (existing instanceof type) return existing;
  throw new Error(`Metric ${definition.name} is already registered with a different type`);
}

function counter(registry: Registry<RegistryContentType>, definition: MetricDefinition): Counter<string> {
  return getOrCreate(
    registry,
    definition,
    Counter,
    () =>
      new Counter({
        name: definition.name,
        help: definition.help,
        labelNames: [...definition.labels],
        registers: [registry],
      }),
  );
}

/** A counter registered elsewhere with exemplars enabled takes `inc({labels, value})` instead. */
function increment(metric: Counter<string>, labels: Record<string, string>, value = 1): void {
  if ((metric as { enableExemplars?: boolean }).enableExemplars) {
    (metric.inc as (opts: { labels: Record<string, string>; value: number }) => void)({ labels, value });
  } else {
    metric.inc(labels, value);
  }
}

/** The metric series of one dependency. */
export class TargetMetrics {
  private readonly state: Gauge<string>;
  private readonly transitions: Counter<string>;
  private readonly retries: Counter<string>;
  private readonly timeouts: Counter<string>;
  private readonly rejections: Counter<string>;

  constructor(
    registry: Registry<RegistryContentType>,
    private readonly target: string,
  ) {
    const def = METRICS.circuitBreakerState;
    this.state = getOrCreate(
      registry,
      def,
      Gauge,
      () => new Gauge({ name: def.name, help: def.help, labelNames: [...def.labels], registers: [registry] }),
    );
    this.transitions = counter(registry, METRICS.circuitBreakerTransitions);
    this.retries = counter(registry, METRICS.resilienceRetries);
    this.timeouts = counter(registry, METRICS.resilienceTimeouts);
    this.rejections = counter(registry, METRICS.bulkheadRejections);

    // Every series exists from the start at 0, so rate() and "state != 0" alerts work before the
    // first incident rather than only after it.
    this.state.set({ target }, BREAKER_STATE_VALUE.closed);
    for (const to of Object.keys(BREAKER_STATE_VALUE)) increment(this.transitions, { target, to }, 0);
    for (const metric of [this.retries, this.timeouts, this.rejections]) increment(metric, { target }, 0);
  }

  breakerChanged(to: BreakerStateName): void {
    this.state.set({ target: this.target }, BREAKER_STATE_VALUE[to]);
    increment(this.transitions, { target: this.target, to });
  }

  retried(): void {
    increment(this.retries, { target: this.target });
  }

  timedOut(): void {
    increment(this.timeouts, { target: this.target });
  }

  bulkheadRejected(): void {
    increment(this.rejections, { target: this.target });
  }
}
