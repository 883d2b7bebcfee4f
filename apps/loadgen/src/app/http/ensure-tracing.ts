// Without the OpenTelemetry preload (CLI runs, unit tests) the API is a no-op: spans have no ids and
// nothing would be injected. Registering a bare provider and the W3C propagator keeps every request
// a real root span with a traceparent header; when the preload already registered its SDK, these
// calls change nothing (the API keeps the first registration).
import { propagation, ProxyTracerProvider, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';

let ensured = false;

export function ensureTracing(): void {
  if (ensured) return;
  ensured = true;
  if (!hasRegisteredProvider()) trace.setGlobalTracerProvider(new BasicTracerProvider());
  if (propagation.fields().length === 0) propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}

function hasRegisteredProvider(): boolean {
  const provider = trace.getTracerProvider();
  // The global is a proxy; it has a delegate tracer only once an SDK registered one.
  return !(provider instanceof ProxyTracerProvider) || provider.getDelegateTracer('loadgen') !== undefined;
}
