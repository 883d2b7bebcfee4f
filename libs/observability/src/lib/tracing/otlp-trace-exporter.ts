// The OTLP/gRPC span exporter: @opentelemetry/exporter-trace-otlp-grpc's transport, retries, timeout,
// concurrency limit and OTEL_EXPORTER_OTLP_* settings, with the one-pass encoder of
// otlp-span-serializer.ts in place of the reference one.
import { OTLPExporterBase } from '@opentelemetry/otlp-exporter-base';
import { convertLegacyOtlpGrpcOptions, createOtlpGrpcExportDelegate } from '@opentelemetry/otlp-grpc-exporter-base';
import { TraceExporterMetricsHelper } from '@opentelemetry/otlp-transformer';
import { BatchSpanProcessor, type ReadableSpan, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { EncodeOnEndProcessor } from './encode-on-end-processor';
import { createOtlpSpanSerializer } from './otlp-span-serializer';

/** As OTLPTraceExporter names itself in the SDK's own metrics. */
const COMPONENT_TYPE = 'otlp_grpc_span_exporter';

export function createOtlpTraceExporter(): SpanExporter {
  // convertLegacyOtlpGrpcOptions is how OTLPTraceExporter itself merges its options with the
  // OTEL_EXPORTER_OTLP_* variables and the defaults; the package exports nothing newer for it.
  const options = convertLegacyOtlpGrpcOptions({}, 'TRACES');
  return new OTLPExporterBase<ReadableSpan[]>(
    createOtlpGrpcExportDelegate(
      options,
      createOtlpSpanSerializer(),
      COMPONENT_TYPE,
      TraceExporterMetricsHelper,
      undefined,
      'TraceExportService',
      '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
    ),
  );
}

/**
 * The OTLP pipeline: spans encoded as they end, batched by BatchSpanProcessor (OTEL_BSP_* settings)
 * and sent by the exporter above.
 */
export function createOtlpSpanProcessor(): SpanProcessor {
  return new EncodeOnEndProcessor(new BatchSpanProcessor(createOtlpTraceExporter()));
}
