// Test helpers for the resilience specs: read metrics the way a scraper does (the registry's text
// exposition) and capture log lines from a real pino logger.
import { pino } from 'pino';
import type { Registry, RegistryContentType } from 'prom-client';
import type { DependencyPolicyOptions } from './dependency-policy.options';

/** The value of one sample in the registry's Prometheus text output, or undefined if absent. */
export async function scrapeSample(
  registry: Registry<RegistryContentType>,
  name: string,
  labels: Record<string, string>,
): Promise<number | undefined> {
  const text = await registry.metrics();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\} (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const sampleLabels = Object.fromEntries(
      [...match[2].matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]),
    );
    const wanted = Object.entries(labels);
    if (
      wanted.length === Object.keys(sampleLabels).length &&
      wanted.every(([k, v]) => sampleLabels[k] === v)
    ) {
      return Number(match[3]);
    }
  }
  return undefined;
}

export interface CapturedLogs {
  logger: pino.Logger;
  lines: Array<Record<string, unknown>>;
}

export function captureLogs(): CapturedLogs {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (chunk: string) => void lines.push(JSON.parse(chunk)) });
  return { logger, lines };
}

/** Options with durations short enough for tests; override what a test is about. */
export function testOptions(overrides: Partial<DependencyPolicyOptions> = {}): DependencyPolicyOptions {
  return {
    timeoutMs: 1_000,
    breaker: { consecutiveFailures: 3, halfOpenAfterMs: 5_000 },
    bulkhead: { maxConcurrent: 10, maxQueue: 10 },
    ...overrides,
  };
}

/** A promise plus its resolve/reject, to hold a call in flight while a test looks at the policy. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** An error shaped like a @grpc/grpc-js ServiceError. */
export function grpcError(code: number, details: string): Error & { code: number; details: string } {
  return Object.assign(new Error(`${code} ${details}`), { code, details });
}
