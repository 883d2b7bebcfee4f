// The tracing preload: `node --require dist/apps/<app>/instrumentation.js dist/apps/<app>/main.js`.
// It must run before anything requires http, fastify, @nestjs/core, @grpc/grpc-js or pino, so the
// instrumentations can patch them; it imports only node_modules and lib/tracing for that reason.
import { startTracing } from './lib/tracing/start-tracing';

try {
  startTracing();
} catch (error) {
  // Same one-line shape as exitOnStartupError (a bad OTEL_NODE_*_INSTRUMENTATIONS value, say).
  const msg = `tracing preload failed: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${JSON.stringify({ level: 'fatal', time: new Date().toISOString(), msg })}\n`);
  process.exit(1);
}
