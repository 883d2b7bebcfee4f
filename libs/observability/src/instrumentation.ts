// The tracing preload: `node --require dist/apps/<app>/instrumentation.js dist/apps/<app>/main.js`.
// It must run before anything requires http, fastify, @nestjs/core, @grpc/grpc-js or pino, so the
// instrumentations can patch them; it imports only node_modules and lib/tracing for that reason.
import { startTracing } from './lib/tracing/start-tracing';

startTracing();
