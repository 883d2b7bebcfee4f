// The parts of @opentelemetry/sdk-node's environment handling that a traces-only setup needs:
// OTEL_SDK_DISABLED, OTEL_LOG_LEVEL, OTEL_PROPAGATORS and OTEL_NODE_RESOURCE_DETECTORS, with the
// same defaults and the same warnings. The tracer provider reads the sampler and span limits
// (OTEL_TRACES_SAMPLER, OTEL_SPAN_*_LIMIT) and the batch processor OTEL_BSP_* themselves. sdk-node
// itself loads every exporter, the metrics and logs SDKs and several copies of core: 2,139 modules
// and 22 MB of heap the garbage collector then marks for the life of the process.
import { context, diag, DiagConsoleLogger, propagation, TextMapPropagator, trace, TracerProvider } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  diagLogLevelFromString,
  getBooleanFromEnv,
  getStringFromEnv,
  getStringListFromEnv,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import {
  envDetector,
  hostDetector,
  osDetector,
  processDetector,
  ResourceDetector,
  serviceInstanceIdDetector,
} from '@opentelemetry/resources';

/** OTEL_SDK_DISABLED=true: no tracer provider at all (spans are the API's no-ops). Reads process.env, as the SDK does. */
export function sdkDisabled(): boolean {
  return getBooleanFromEnv('OTEL_SDK_DISABLED');
}

/** OTEL_LOG_LEVEL: the SDK's own diagnostics on the console (off unless set). */
export function diagnosticsFromEnv(): void {
  const level = getStringFromEnv('OTEL_LOG_LEVEL');
  if (level !== undefined) diag.setLogger(new DiagConsoleLogger(), { logLevel: diagLogLevelFromString(level) });
}

const DETECTORS: ReadonlyMap<string, ResourceDetector> = new Map([
  ['host', hostDetector],
  ['os', osDetector],
  ['serviceinstance', serviceInstanceIdDetector],
  ['process', processDetector],
  ['env', envDetector],
]);

/** OTEL_NODE_RESOURCE_DETECTORS (all, none, or names); unset: env, process and host, as sdk-node. */
export function resourceDetectorsFromEnv(): ResourceDetector[] {
  const names = getStringListFromEnv('OTEL_NODE_RESOURCE_DETECTORS');
  if (names === undefined || names.length === 0) return [envDetector, processDetector, hostDetector];
  if (names.includes('all')) return [...DETECTORS.values()];
  if (names.includes('none')) return [];
  return names.flatMap((name) => {
    const detector = DETECTORS.get(name);
    if (!detector) diag.warn(`Invalid resource detector "${name}" specified in the environment variable OTEL_NODE_RESOURCE_DETECTORS`);
    return detector ? [detector] : [];
  });
}

const PROPAGATORS: ReadonlyMap<string, () => TextMapPropagator> = new Map([
  ['tracecontext', () => new W3CTraceContextPropagator()],
  ['baggage', () => new W3CBaggagePropagator()],
]);

/** W3C trace context and baggage: sdk-node's default, and the preload's when OTEL_PROPAGATORS is unset. */
export function w3cPropagator(): TextMapPropagator {
  return new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] });
}

/**
 * Makes `provider` the global one, with the async-local-storage context manager and `propagator`
 * (null: none); returns the context manager.
 */
export function registerGlobally(provider: TracerProvider, propagator: TextMapPropagator | null): AsyncLocalStorageContextManager {
  trace.setGlobalTracerProvider(provider);
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  if (propagator) propagation.setGlobalPropagator(propagator);
  return contextManager;
}

/**
 * OTEL_PROPAGATORS: unset means W3C trace context and baggage; `none` (or nothing usable) means no
 * propagation (null). b3 and jaeger are not bundled: they get sdk-node's "unavailable" warning.
 */
export function propagatorFromEnv(): TextMapPropagator | null {
  const names = getStringListFromEnv('OTEL_PROPAGATORS');
  if (names === undefined || names.length === 0) return w3cPropagator();
  if (names.includes('none')) return null;
  const propagators = [...new Set(names)].flatMap((name) => {
    const make = PROPAGATORS.get(name);
    if (!make) diag.warn(`Propagator "${name}" requested through environment variable is unavailable.`);
    return make ? [make()] : [];
  });
  if (propagators.length === 0) return null;
  return propagators.length === 1 ? propagators[0] : new CompositePropagator({ propagators });
}
