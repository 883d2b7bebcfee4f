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
    // Either id all zeros is enough; ids that merely start with zeros are real.
    const [traceId, spanId] = ['0af7651916cd43dd8448eb211c80319c', '00f067aa0ba902b7'];
    const zeroTrace = { traceId: INVALID_SPAN_CONTEXT.traceId, spanId, traceFlags: TraceFlags.SAMPLED };
    const zeroSpan = { traceId, spanId: INVALID_SPAN_CONTEXT.spanId, traceFlags: TraceFlags.SAMPLED };
    expect(within(trace.wrapSpanContext(zeroTrace), activeSpanIds)).toBeUndefined();
    expect(within(trace.wrapSpanContext(zeroSpan), activeSpanIds)).toBeUndefined();
    const leadingZeros = { traceId: '000000000000000000000000000000a1', spanId, traceFlags: TraceFlags.SAMPLED };
    expect(within(trace.wrapSpanContext(leadingZeros), activeSpanIds)).toEqual({ traceId: leadingZeros.traceId, spanId, sampled: true });
    const bad = { traceId: 'abc', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };
    expect(within(trace.wrapSpanContext(bad), activeSpanIds)).toBeUndefined();
  });
});
