// The typed metrics API services inject: catalog metrics only (names from @obs/contracts), so a
// dashboard query can never drift from what the code emits.
import { Injectable } from '@nestjs/common';
import { METRICS, MetricDefinition } from '@obs/contracts';
import { Gauge, Registry } from 'prom-client';
import { ActiveSpanIds } from '../tracing/trace-context';
import {
  catalogCounter,
  catalogGauge,
  catalogHistogram,
  LabelsOf,
  TracedCounter,
  TracedHistogram,
} from './catalog-metrics';

type Of<T extends MetricDefinition['type']> = MetricDefinition & { readonly type: T };

export type RpcLabels = LabelsOf<typeof METRICS.rpcServerDuration>;

const NOT_RECORDING_COUNTER: TracedCounter<never> = { inc: () => undefined };
const NOT_RECORDING_HISTOGRAM: TracedHistogram<never> = {
  observe: () => undefined,
  startTimer: () => {
    const started = performance.now();
    return () => (performance.now() - started) / 1000;
  },
};

@Injectable()
export class MetricsService {
  private readonly counters = new Map<string, TracedCounter<MetricDefinition>>();
  private readonly histograms = new Map<string, TracedHistogram<MetricDefinition>>();

  /** enabled=false (OBS_METRICS_ENABLED=false) hands out metrics that record nothing. */
  constructor(
    readonly registry: Registry,
    readonly enabled = true,
  ) {}

  counter<D extends Of<'counter'>>(definition: D): TracedCounter<D> {
    if (!this.enabled) return NOT_RECORDING_COUNTER;
    let counter = this.counters.get(definition.name);
    if (!counter) {
      counter = catalogCounter(this.registry, definition);
      this.counters.set(definition.name, counter);
    }
    return counter as TracedCounter<D>;
  }

  histogram<D extends Of<'histogram'>>(definition: D): TracedHistogram<D> {
    if (!this.enabled) return NOT_RECORDING_HISTOGRAM;
    let histogram = this.histograms.get(definition.name);
    if (!histogram) {
      histogram = catalogHistogram(this.registry, definition);
      this.histograms.set(definition.name, histogram);
    }
    return histogram as TracedHistogram<D>;
  }

  gauge<D extends Of<'gauge'>>(definition: D): Gauge<D['labels'][number]> {
    return catalogGauge(this.registry, definition);
  }

  /** rpc_client_call_duration_seconds for an outgoing gRPC call; rpc_system defaults to grpc. */
  observeRpcClientCall(labels: RpcLabels, seconds: number): void {
    this.histogram(METRICS.rpcClientDuration).observe({ rpc_system: 'grpc', ...labels }, seconds);
  }

  observeRpcServerCall(labels: RpcLabels, seconds: number, ids?: ActiveSpanIds): void {
    this.histogram(METRICS.rpcServerDuration).observe({ rpc_system: 'grpc', ...labels }, seconds, ids);
  }

  observeHttpServerRequest(
    labels: LabelsOf<typeof METRICS.httpServerDuration>,
    seconds: number,
    ids?: ActiveSpanIds,
  ): void {
    this.histogram(METRICS.httpServerDuration).observe(labels, seconds, ids);
  }
}
