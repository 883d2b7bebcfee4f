// Imported first by the tracing preload (instrumentation.ts), before the SDK loads: the packages whose
// exports the SDK reads on every span become plain, fast-mode objects (fast-exports.ts explains why).
import Module from 'node:module';
import { join } from 'node:path';
import { usePlainExports } from './fast-exports';

// Resolved from the app's entry point (node --require … dist/apps/<app>/main.js), where the SDK's
// own require finds the same packages.
const loadFromApp = Module.createRequire(process.argv[1] || join(process.cwd(), 'index.js'));
for (const id of ['@opentelemetry/api', '@opentelemetry/core']) usePlainExports(loadFromApp, id);
