// Starts the OpenTelemetry Node SDK for traces only (metrics are prom-client's job, logs are
// stdout's): W3C trace context + baggage by default (OTEL_PROPAGATORS overrides), the standard
// OTEL_* variables, and just the instrumentations the services use.
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { serviceIdentity } from './resource';
import { registerTelemetryShutdown } from './telemetry-shutdown';

/** Probes and scrapes would otherwise be most of the traces and none of the interesting ones. */
const UNTRACED_PATHS = new Set(['/metrics', '/healthz', '/readyz']);

export interface StartTracingOptions {
  /** Extra processors, e.g. an in-memory exporter in tests; added to the OTLP one when that is on. */
  readonly spanProcessors?: readonly SpanProcessor[];
  readonly env?: NodeJS.ProcessEnv;
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

/** Whether OTLP export is configured; without an endpoint nothing is exported and nothing retries. */
export function otlpExportEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (
    (env['OTEL_TRACES_EXPORTER'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .includes('none')
  )
    return false;
  return Boolean(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT']);
}

export function startTracing(options: StartTracingOptions = {}): NodeSDK {
  const env = options.env ?? process.env;
  const identity = serviceIdentity(env);
  const processors: SpanProcessor[] = [...(options.spanProcessors ?? [])];
  // The gRPC exporter reads its endpoint, headers and timeout from the OTEL_EXPORTER_OTLP_* variables.
  if (otlpExportEnabled(env)) processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  // NodeSDK registers a tracer provider only when it has a processor; a no-op one keeps spans (and
  // their ids in logs and exemplars) alive when nothing is exported.
  if (processors.length === 0) processors.push(new NoopSpanProcessor());

  const sdk = new NodeSDK({
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: identity.name,
        ...(identity.version ? { [ATTR_SERVICE_VERSION]: identity.version } : {}),
        'deployment.environment.name': env['DEPLOYMENT_ENVIRONMENT'] || 'development',
      }),
    ),
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (env detector) win over the defaults above.
    spanProcessors: processors,
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has(pathOf(request.url)),
      }),
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        // One span per request and per handler; a span per Fastify hook (a dozen per request) is noise.
        instrumentHooks: false,
        ignorePaths: ({ url }) => UNTRACED_PATHS.has(url),
      }),
      // Declares @nestjs/core <12 for now, so it idles on NestJS 12; @fastify/otel's handler span
      // names the controller method meanwhile.
      new NestInstrumentation(),
      new GrpcInstrumentation(),
      // Our own pino mixin writes trace_id/span_id; this one adds trace_flags and merges under it.
      new PinoInstrumentation({ disableLogSending: true }),
    ],
  });
  sdk.start();
  registerTelemetryShutdown(() => sdk.shutdown());
  return sdk;
}
