// Starts OpenTelemetry tracing only (metrics are prom-client's job, logs are stdout's): a tracer
// provider with W3C trace context + baggage by default (OTEL_PROPAGATORS overrides), the standard
// OTEL_* variables (sdk-from-env.ts), and just the instrumentations the services use: the HTTP
// server span from Fastify's hooks, outgoing HTTP, gRPC and pino. Not @opentelemetry/sdk-node, which
// loads every signal's SDK and exporter.
import { trace } from '@opentelemetry/api';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { defaultResource, detectResources, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { SERVER_SPAN_SCOPE, traceFastifyServers } from './fastify-server-spans';
import { InstrumentationName, selectedInstrumentations } from './instrumentation-selection';
import { createOtlpSpanProcessor } from './otlp-trace-exporter';
import { PooledRandomIdGenerator } from './pooled-id-generator';
import { PROBE_PATHS } from './probe-paths';
import { serviceIdentity } from './resource';
import { diagnosticsFromEnv, propagatorFromEnv, registerGlobally, resourceDetectorsFromEnv, sdkDisabled } from './sdk-from-env';
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

interface Instrumentation {
  setTracerProvider(provider: BasicTracerProvider): void;
}

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

/** The tracer provider, registered globally with its context manager and propagator; undefined when OTEL_SDK_DISABLED. */
export function startTracing(options: StartTracingOptions = {}): BasicTracerProvider | undefined {
  const env = options.env ?? process.env;
  // Checked first, as sdk-node did: a bad value stops the preload even when the SDK is disabled.
  const selected = selectedInstrumentations(env, DEFAULT_INSTRUMENTATIONS);
  diagnosticsFromEnv();
  if (sdkDisabled()) return undefined;
  const identity = serviceIdentity(env);
  const processors: SpanProcessor[] = [...(options.spanProcessors ?? [])];
  // The gRPC exporter reads its endpoint, headers and timeout from the OTEL_EXPORTER_OTLP_* variables.
  if (otlpExportEnabled(env)) processors.push(createOtlpSpanProcessor());

  // Detected attributes (OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES through the env detector,
  // host, process) win over the defaults here, as with sdk-node.
  const resource = defaultResource()
    .merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: identity.name,
        ...(identity.version ? { [ATTR_SERVICE_VERSION]: identity.version } : {}),
        'deployment.environment.name': env['DEPLOYMENT_ENVIRONMENT'] || 'development',
      }),
    )
    .merge(detectResources({ detectors: resourceDetectorsFromEnv() }));
  // With no processor the provider still makes recording spans, so their ids reach logs and
  // exemplars when nothing is exported. The sampler and span limits come from OTEL_* variables.
  const idGenerator = new PooledRandomIdGenerator();
  const provider = new BasicTracerProvider({ resource, spanProcessors: processors, idGenerator });
  const contextManager = registerGlobally(provider, propagatorFromEnv());
  // Each instrumentation patches its module as soon as it is constructed (enabled by default).
  for (const instrumentation of instrumentations(selected)) instrumentation.setTracerProvider(provider);
  if (selected.has('fastify')) traceFastifyServers(trace.getTracer(SERVER_SPAN_SCOPE), { untracedPaths: PROBE_PATHS, contextManager, idGenerator });
  registerTelemetryShutdown(() => provider.shutdown());
  return provider;
}
