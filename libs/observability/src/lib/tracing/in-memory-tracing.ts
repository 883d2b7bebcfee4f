// In-process tracing for tests that create spans themselves (instrumentations cannot patch modules
// inside Jest's module registry): the Node SDK with an in-memory exporter and no instrumentations.
import { context, propagation, trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface InMemoryTracing {
  readonly exporter: InMemorySpanExporter;
  shutdown(): Promise<void>;
}

export function installInMemoryTracing(): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const sdk = new NodeSDK({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
    autoDetectResources: false,
  });
  sdk.start();
  return {
    exporter,
    async shutdown() {
      await sdk.shutdown();
      // Unregister the globals so the next test file (same worker) can install its own.
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
