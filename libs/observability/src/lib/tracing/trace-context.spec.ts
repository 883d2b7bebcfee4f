import { context, INVALID_SPAN_CONTEXT, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { activeSpanIds } from './trace-context';

describe('activeSpanIds', () => {
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => context.setGlobalContextManager(manager.enable()));
  afterAll(() => {
    manager.disable();
    context.disable();
  });

  const within = <T>(span: ReturnType<typeof trace.wrapSpanContext>, read: () => T) =>
    context.with(trace.setSpan(ROOT_CONTEXT, span), read);

  it('gives the ids and sampled flag of the active span', () => {
    const span = new BasicTracerProvider().getTracer('spec').startSpan('work');
    const { traceId, spanId } = span.spanContext();
    expect(within(span, activeSpanIds)).toEqual({ traceId, spanId, sampled: true });
    const unsampled = trace.wrapSpanContext({ traceId, spanId, traceFlags: TraceFlags.NONE });
    expect(within(unsampled, activeSpanIds)?.sampled).toBe(false);
  });

  it('gives nothing outside a span, or for an all-zero or malformed span context', () => {
    expect(activeSpanIds()).toBeUndefined();
    expect(within(trace.wrapSpanContext(INVALID_SPAN_CONTEXT), activeSpanIds)).toBeUndefined();
    const bad = { traceId: 'abc', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };
    expect(within(trace.wrapSpanContext(bad), activeSpanIds)).toBeUndefined();
  });
});
