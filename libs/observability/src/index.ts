// The public API of @obs/observability: apps import only from here (plus the tracing preload).
export {
  ObservabilityModule,
  OBSERVABILITY_OPTIONS,
  type ObservabilityOptions,
} from './lib/observability.module';
export {
  bootstrapService,
  exitOnStartupError,
  DEFAULT_BODY_LIMIT_BYTES,
  type BootstrapOptions,
  type GrpcServerOptions,
} from './lib/bootstrap/bootstrap-service';
export { baseConfigSchema, loadConfig, ConfigError, type BaseConfig } from './lib/config/config';
export { MetricsService, type RpcLabels } from './lib/metrics/metrics.service';
export type { LabelsOf, TracedCounter, TracedHistogram } from './lib/metrics/catalog-metrics';
export { negotiateFormat, renderMetrics, type ExpositionFormat } from './lib/metrics/exposition';
export { ExemplarHistogram, type ExemplarHistogramOptions, type ExemplarLabelSet } from './lib/metrics/exemplar-histogram';
export { ReadinessService, type ReadinessCheck, type ReadinessReport } from './lib/health/readiness.service';
export { FaultMarker } from './lib/faults/fault-marker';
export { NotFoundError, ConflictError, ValidationFailedError } from './lib/errors/domain-errors';
export { mapError, type MappedError } from './lib/errors/error-mapping';
export { ObservabilityExceptionFilter, type ErrorBody } from './lib/errors/exception.filter';
export { activeSpanIds, type ActiveSpanIds } from './lib/tracing/trace-context';
export { createOtlpSpanSerializer } from './lib/tracing/otlp-span-serializer';
export { pinoHttpOptions, type LoggingOptions } from './lib/logging/logger-params';
export { LineWriter } from './lib/logging/line-writer';
export { isoTimeCachedPerSecond } from './lib/logging/iso-time';
export { encodeCompletionLine, writeCompletionLine, type CompletionFacts } from './lib/logging/completion-line';
export { RequestCompletionLog } from './lib/logging/request-completion-log';
export {
  ResilienceRegistry,
  DependencyPolicy,
  DependencyUnavailableError,
  isDependencyUnavailable,
  type DependencyPolicyOptions,
  type DependencyUnavailableReason,
} from './lib/resilience';
