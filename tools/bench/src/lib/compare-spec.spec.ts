import { parseCompareSpec, withEndpoint } from './compare-spec';

describe('the variants file of bench:compare', () => {
  it('fills in the defaults', () => {
    const variants = parseCompareSpec(
      JSON.stringify([{ id: 'a', env: { LOG_LEVEL: 'silent' } }, { id: 'c', preload: 'dist/apps/orders/instrumentation.js', logs: true }]),
      'v.json',
    );
    expect(variants).toEqual([
      { id: 'a', app: 'orders', env: { LOG_LEVEL: 'silent' }, logs: false },
      { id: 'c', app: 'orders', preload: 'dist/apps/orders/instrumentation.js', env: {}, logs: true },
    ]);
  });

  it('names the file and the field that is wrong', () => {
    expect(() => parseCompareSpec('[{"id":"a"}', 'v.json')).toThrow(/^v\.json: not JSON/);
    expect(() => parseCompareSpec('[{"id":"a"}]', 'v.json')).toThrow('v.json: (root): at least two variants: the first is the baseline');
    expect(() => parseCompareSpec('[{"id":"a b"},{"id":"c","logs":"yes"}]', 'v.json')).toThrow(/0\.id: letters, digits.*1\.logs/);
    expect(() => parseCompareSpec('[{"id":"a"},{"id":"a"}]', 'v.json')).toThrow('v.json: variant id a appears twice');
  });

  it('points $OTLP at the local receiver', () => {
    expect(withEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: '$OTLP', LOG_LEVEL: 'info' }, 'http://127.0.0.1:4317')).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4317',
      LOG_LEVEL: 'info',
    });
  });
});
