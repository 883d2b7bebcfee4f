// The tracing preload: `node --require dist/apps/<app>/instrumentation.js dist/apps/<app>/main.js`.
// It must run before anything requires http, fastify, @nestjs/core, @grpc/grpc-js or pino, so the
// instrumentations can patch them; it imports only node_modules and lib/tracing for that reason.
// First, before anything loads the SDK.
import './lib/tracing/plain-sdk-exports';
import { isMainThread } from 'node:worker_threads';
import { startTracing } from './lib/tracing/start-tracing';

// Node runs --require preloads in worker threads too (they inherit the Node options); tracing belongs
// to the main thread, or every worker (a pino transport, say) would start an SDK of its own.
try {
  if (isMainThread) startTracing();
} catch (error) {
  // Same one-line shape as exitOnStartupError (a bad OTEL_NODE_*_INSTRUMENTATIONS value, say).
  const msg = `tracing preload failed: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${JSON.stringify({ level: 'fatal', time: new Date().toISOString(), msg })}\n`);
  process.exit(1);
}
