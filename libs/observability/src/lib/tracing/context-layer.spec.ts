import { createContextKey, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { contextWithSpan, ContextLayer } from './context-layer';

describe('ContextLayer', () => {
  const [a, b] = [createContextKey('spec a'), createContextKey('spec b')];
  const parent = ROOT_CONTEXT.setValue(a, 'from parent').setValue(b, 'parent b');

  it('answers like the BaseContext that setValue would have made, without changing its parent', () => {
    const layer = new ContextLayer(parent, b, 'layer b');
    const base = parent.setValue(b, 'layer b');
    for (const key of [a, b, createContextKey('spec missing')]) expect(layer.getValue(key)).toBe(base.getValue(key));
    expect(parent.getValue(b)).toBe('parent b');
  });

  it('sets and deletes in new layers, leaving the older ones as they were', () => {
    const layer = new ContextLayer(parent, b, 'layer b');
    const set = layer.setValue(a, 'set a');
    const deleted = set.deleteValue(b);
    expect([set.getValue(a), set.getValue(b)]).toEqual(['set a', 'layer b']);
    expect([deleted.getValue(a), deleted.getValue(b)]).toEqual(['set a', undefined]);
    expect([layer.getValue(a), layer.getValue(b)]).toEqual(['from parent', 'layer b']);
  });

  it('carries a span where the trace API looks for it', () => {
    const span = trace.wrapSpanContext({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 });
    const layer = contextWithSpan(parent, span);
    expect(trace.getSpan(layer)).toBe(span);
    expect(layer.getValue(a)).toBe('from parent');
    expect(trace.getSpan(trace.deleteSpan(layer))).toBeUndefined();
  });
});
