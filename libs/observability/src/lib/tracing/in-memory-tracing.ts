// In-process tracing for tests that create spans themselves (instrumentations cannot patch modules
// inside Jest's module registry): a tracer provider with an in-memory exporter, the async context
// manager and W3C propagation, registered globally as the preload registers its own.
import { context, propagation, trace } from '@opentelemetry/api';
import type { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { PooledRandomIdGenerator } from './pooled-id-generator';
import { registerGlobally, w3cPropagator } from './sdk-from-env';

export interface InMemoryTracing {
  readonly exporter: InMemorySpanExporter;
  readonly contextManager: AsyncLocalStorageContextManager;
  readonly idGenerator: PooledRandomIdGenerator;
  shutdown(): Promise<void>;
}

export function installInMemoryTracing(): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const idGenerator = new PooledRandomIdGenerator();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)], idGenerator });
  const contextManager = registerGlobally(provider, w3cPropagator());
  return {
    exporter,
    contextManager,
    idGenerator,
    async shutdown() {
      await provider.shutdown();
      // Unregister the globals so the next test file (same worker) can install its own.
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
