// Starts the OpenTelemetry Node SDK for traces only (metrics are prom-client's job, logs are
// stdout's): W3C trace context + baggage by default (OTEL_PROPAGATORS overrides), the standard
// OTEL_* variables, and just the instrumentations the services use: the HTTP server span from
// Fastify's hooks, outgoing HTTP, gRPC and pino.
import { trace } from '@opentelemetry/api';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { SERVER_SPAN_SCOPE, traceFastifyServers } from './fastify-server-spans';
import { InstrumentationName, selectedInstrumentations } from './instrumentation-selection';
import { createOtlpTraceExporter } from './otlp-trace-exporter';
import { PROBE_PATHS } from './probe-paths';
import { serviceIdentity } from './resource';
import { registerTelemetryShutdown } from './telemetry-shutdown';

/**
 * pino is opt-in (OTEL_NODE_ENABLED_INSTRUMENTATIONS): the logger's own mixin already writes
 * trace_id, span_id and trace_flags, and the instrumentation would wrap every line a second time.
 */
const DEFAULT_INSTRUMENTATIONS: readonly InstrumentationName[] = ['http', 'fastify', 'nestjs-core', 'grpc'];


export interface StartTracingOptions {
  /** Extra processors, e.g. an in-memory exporter in tests; added to the OTLP one when that is on. */
  readonly spanProcessors?: readonly SpanProcessor[];
  readonly env?: NodeJS.ProcessEnv;
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

/** As NodeSDK takes them (the @opentelemetry/instrumentation it was built against). */
type Instrumentation = NonNullable<NonNullable<ConstructorParameters<typeof NodeSDK>[0]>['instrumentations']>[number];

function instrumentations(selected: Set<InstrumentationName>): Instrumentation[] {
  const all: Record<Exclude<InstrumentationName, 'fastify'>, () => Instrumentation> = {
    // Outgoing calls only: the server span comes from Fastify's hooks (fastify-server-spans.ts).
    http: () => new HttpInstrumentation({ disableIncomingRequestInstrumentation: true }),
    // Declares @nestjs/core <12 for now, so it idles on NestJS 12.
    'nestjs-core': () => new NestInstrumentation(),
    grpc: () => new GrpcInstrumentation(),
    // Correlates lines of a pino logger that is not ours (ours has its mixin).
    pino: () => new PinoInstrumentation({ disableLogSending: true }),
  };
  return [...selected].flatMap((name) => (name === 'fastify' ? [] : [all[name]()]));
}

export function startTracing(options: StartTracingOptions = {}): NodeSDK {
  const env = options.env ?? process.env;
  const identity = serviceIdentity(env);
  const selected = selectedInstrumentations(env, DEFAULT_INSTRUMENTATIONS);
  const processors: SpanProcessor[] = [...(options.spanProcessors ?? [])];
  // The gRPC exporter reads its endpoint, headers and timeout from the OTEL_EXPORTER_OTLP_* variables.
  if (otlpExportEnabled(env)) processors.push(new BatchSpanProcessor(createOtlpTraceExporter()));
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
    instrumentations: instrumentations(selected),
  });
  sdk.start();
  if (selected.has('fastify')) traceFastifyServers(trace.getTracer(SERVER_SPAN_SCOPE), { untracedPaths: PROBE_PATHS });
  registerTelemetryShutdown(() => sdk.shutdown());
  return sdk;
}
