import { context, trace } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';
import { Registry } from 'prom-client';
import { ResilienceRegistry } from './resilience-registry';
import { captureLogs, grpcError, testOptions } from './resilience.spec-helpers';

describe('span events', () => {
  const exporter = new tracing.InMemorySpanExporter();
  const provider = new node.NodeTracerProvider({
    spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('resilience-spec');

  // An AsyncLocalStorage context manager, as the service preload installs, so the caller's span
  // stays active across the policy's awaits and timers.
  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  function eventsOf(spanName: string) {
    const span = exporter.getFinishedSpans().find((s) => s.name === spanName);
    return (span?.events ?? []).map((e) => ({ name: e.name, ...e.attributes }));
  }

  it("records retries, timeouts, breaker state changes and fail-fast rejections on the caller's span", async () => {
    const policy = new ResilienceRegistry(new Registry(), captureLogs().logger).policy(
      'users',
      testOptions({
        timeoutMs: 10,
        breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
        retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1 },
      }),
    );

    await tracer.startActiveSpan('first call', async (span) => {
      const hangs = (signal: AbortSignal) =>
        new Promise((_, reject) => signal.addEventListener('abort', reject));
      await policy.execute(hangs, { idempotent: true }).catch(() => undefined);
      span.end();
    });
    await tracer.startActiveSpan('second call', async (span) => {
      await policy
        .execute(() => Promise.reject(grpcError(14, 'down')), { idempotent: false })
        .catch(() => undefined);
      span.end();
    });

    expect(eventsOf('first call')).toEqual([
      { name: 'resilience.timeout', 'resilience.target': 'users', 'resilience.timeout_ms': 10 },
      expect.objectContaining({
        name: 'resilience.retry',
        'resilience.target': 'users',
        'resilience.retry.attempt': 1,
      }),
      { name: 'resilience.timeout', 'resilience.target': 'users', 'resilience.timeout_ms': 10 },
      {
        name: 'resilience.circuit_breaker.state_change',
        'resilience.target': 'users',
        'resilience.circuit_breaker.state': 'open',
      },
    ]);
    expect(eventsOf('second call')).toEqual([
      { name: 'resilience.circuit_breaker.rejected', 'resilience.target': 'users' },
    ]);
  });

  it("records a bulkhead rejection on the rejected caller's span", async () => {
    const policy = new ResilienceRegistry(new Registry(), captureLogs().logger).policy(
      'payments',
      testOptions({
        bulkhead: { maxConcurrent: 1, maxQueue: 0 },
      }),
    );
    let release!: () => void;
    const running = policy.execute(() => new Promise<void>((resolve) => (release = resolve)), {
      idempotent: false,
    });
    await tracer.startActiveSpan('rejected call', async (span) => {
      await policy.execute(() => Promise.resolve(), { idempotent: false }).catch(() => undefined);
      span.end();
    });
    release();
    await running;
    expect(eventsOf('rejected call')).toEqual([
      { name: 'resilience.bulkhead_rejected', 'resilience.target': 'payments' },
    ]);
  });
});
