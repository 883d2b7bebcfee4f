// Prometheus-backed telemetry: the loadgen_* series and http_client_request_duration_seconds of the
// metric catalog.
import { LATENCY_BUCKETS_SECONDS, METRICS, MetricDefinition } from '@obs/contracts';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { SpanIds } from '../http/traced-http-client';
import { DropReason } from '../scheduler/open-loop-scheduler';
import { LoadgenTelemetry, RequestOutcome } from './loadgen-telemetry';

type Labels = Record<string, string | number>;
interface CounterLike {
  inc(labels: Labels, value?: number): void;
}
interface GaugeLike {
  set(value: number): void;
}
interface HistogramLike {
  /** `ids` is honoured by @obs/observability's histograms (exemplars) and ignored by bare prom-client. */
  observe(labels: Labels, value: number, ids?: SpanIds): void;
}

/** The get-or-create surface of @obs/observability's MetricsService, which the server passes in. */
export interface MetricFactory {
  counter(def: MetricDefinition): CounterLike;
  gauge(def: MetricDefinition): GaugeLike;
  histogram(def: MetricDefinition): HistogramLike;
}

/** A MetricFactory over a bare prom-client registry (tests, or hosting without the observability lib). */
export function registryMetricFactory(registry: Registry): MetricFactory {
  const existing = <T>(name: string) => registry.getSingleMetric(name) as T | undefined;
  const base = (def: MetricDefinition) => ({
    name: def.name,
    help: def.help,
    labelNames: [...def.labels],
    registers: [registry],
  });
  return {
    counter: (def) => existing<Counter>(def.name) ?? new Counter(base(def)),
    gauge: (def) => existing<Gauge>(def.name) ?? new Gauge(base(def)),
    histogram: (def) =>
      existing<Histogram>(def.name) ?? new Histogram({ ...base(def), buckets: [...LATENCY_BUCKETS_SECONDS] }),
  };
}

export class PromLoadgenTelemetry implements LoadgenTelemetry {
  private readonly requests: CounterLike;
  private readonly duration: HistogramLike;
  private readonly clientDuration: HistogramLike;
  private readonly lag: HistogramLike;
  private readonly drops: CounterLike;
  private readonly offered: GaugeLike;
  private readonly achieved: GaugeLike;

  constructor(metrics: MetricFactory) {
    this.requests = metrics.counter(METRICS.loadgenRequests);
    this.duration = metrics.histogram(METRICS.loadgenDuration);
    this.clientDuration = metrics.histogram(METRICS.httpClientDuration);
    this.lag = metrics.histogram(METRICS.loadgenScheduleLag);
    this.drops = metrics.counter(METRICS.loadgenDropped);
    this.offered = metrics.gauge(METRICS.loadgenOfferedRps);
    this.achieved = metrics.gauge(METRICS.loadgenAchievedRps);
  }

  requestCompleted(o: RequestOutcome): void {
    const status = String(o.status);
    this.requests.inc({ scenario: o.scenario, http_response_status_code: status });
    this.duration.observe({ scenario: o.scenario }, o.latencySeconds, o.span);
    this.clientDuration.observe(
      { http_request_method: o.method, server_address: o.serverAddress, http_response_status_code: status },
      o.clientSeconds,
      o.span,
    );
  }

  sent(scheduleLagSeconds: number): void {
    this.lag.observe({}, scheduleLagSeconds);
  }

  dropped(reason: DropReason): void {
    this.drops.inc({ reason });
  }

  rates(offeredRps: number, achievedRps: number): void {
    this.offered.set(offeredRps);
    this.achieved.set(achievedRps);
  }
}
