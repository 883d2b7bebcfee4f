// The preload and the app are separate bundles (dist/apps/<app>/instrumentation.js and main.js), so
// they share no module instances: the preload leaves its shutdown function on a process-wide symbol
// and graceful shutdown calls it after the last request has drained.
const KEY = Symbol.for('@obs/observability.telemetry-shutdown');

type Shutdown = () => Promise<void>;

interface Holder {
  [KEY]?: Shutdown;
}

export function registerTelemetryShutdown(shutdown: Shutdown): void {
  (globalThis as Holder)[KEY] = shutdown;
}

/** Flushes and stops the tracing SDK if the preload started one; resolves either way. */
export async function shutdownTelemetry(): Promise<void> {
  const shutdown = (globalThis as Holder)[KEY];
  if (!shutdown) return;
  delete (globalThis as Holder)[KEY];
  await shutdown();
}
