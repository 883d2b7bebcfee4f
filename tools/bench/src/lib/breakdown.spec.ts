import { breakdown, unionLength } from './breakdown';
import { DecodedSpan, SPAN_KIND } from './otlp-decode';

const span = (over: Partial<DecodedSpan>): DecodedSpan => ({
  service: 'orders',
  traceId: 't1',
  spanId: 's',
  parentSpanId: '',
  name: 'x',
  kind: SPAN_KIND.internal,
  startMs: 0,
  endMs: 0,
  attributes: {},
  ...over,
});

describe('unionLength', () => {
  it('merges overlaps and clips to the window', () => {
    expect(unionLength([[0, 10], [5, 15], [20, 30]], 0, 100)).toBe(25);
    expect(unionLength([[-5, 5], [95, 120]], 0, 100)).toBe(10);
    expect(unionLength([], 0, 10)).toBe(0);
  });
});

describe('breakdown', () => {
  const components = [
    { name: 'users', matches: (s: DecodedSpan) => s.kind === SPAN_KIND.client && s.name.includes('ValidateUser') },
    { name: 'database', matches: (s: DecodedSpan) => s.attributes['db.system'] === 'postgresql' },
  ];

  it('splits each request into hops and own work, ignoring other services and other routes', () => {
    const spans = [
      // The parent (a load generator span) is in another process, so this is the service's root.
      span({ spanId: 'r', parentSpanId: 'lg', kind: SPAN_KIND.server, name: 'POST /api/orders', startMs: 0, endMs: 100 }),
      span({ spanId: 'h', parentSpanId: 'r', name: 'handler', startMs: 1, endMs: 99 }),
      span({ spanId: 'u', parentSpanId: 'h', kind: SPAN_KIND.client, name: 'users.v1.UsersService/ValidateUser', startMs: 10, endMs: 30 }),
      span({ spanId: 'd1', parentSpanId: 'h', kind: SPAN_KIND.client, name: 'pg.query', startMs: 40, endMs: 50, attributes: { 'db.system': 'postgresql' } }),
      // Overlaps d1: counted once.
      span({ spanId: 'd2', parentSpanId: 'h', kind: SPAN_KIND.client, name: 'pg.query', startMs: 45, endMs: 55, attributes: { 'db.system': 'postgresql' } }),
      span({ service: 'users', spanId: 'us', parentSpanId: 'u', kind: SPAN_KIND.server, name: 'ValidateUser', startMs: 12, endMs: 28 }),
      span({ traceId: 't2', spanId: 'g', kind: SPAN_KIND.server, name: 'GET /api/orders', startMs: 0, endMs: 5 }),
    ];
    const result = breakdown(spans, 'orders', (root) => root.name.startsWith('POST'), components);
    expect(result?.requests).toBe(1);
    expect(result?.totalMs.mean).toBe(100);
    const byName = Object.fromEntries((result?.components ?? []).map((c) => [c.name, c]));
    expect(byName['users'].ms.mean).toBe(20);
    expect(byName['database'].ms.mean).toBe(15);
    expect(byName['own work'].ms.mean).toBe(65);
    expect(byName['own work'].share).toBeCloseTo(0.65);
  });

  it('is undefined when no request matched', () => {
    expect(breakdown([], 'orders', () => true, components)).toBeUndefined();
  });
});
