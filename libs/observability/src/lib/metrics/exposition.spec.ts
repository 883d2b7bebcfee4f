import { Counter, Histogram, Registry } from 'prom-client';
import { negotiateFormat, renderMetrics } from './exposition';
import { createMetricsRegistry } from './registry';

describe('negotiateFormat', () => {
  it.each([
    // Prometheus 2.x and 3.x default scrape_protocols
    [
      'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1',
      'openmetrics',
    ],
    [
      'application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,text/plain;version=0.0.4;q=0.2,*/*;q=0.1',
      'openmetrics',
    ],
    ['text/plain;version=0.0.4', 'classic'],
    ['*/*', 'classic'],
    [undefined, 'classic'],
    ['application/openmetrics-text;q=0,text/plain', 'classic'],
  ])('answers %s with %s', (accept, format) => {
    expect(negotiateFormat(accept)).toBe(format);
  });
});

describe('renderMetrics', () => {
  let registry: Registry;
  beforeEach(() => {
    registry = createMetricsRegistry();
    new Counter<string>({
      name: 'orders_created_total',
      help: 'h',
      labelNames: ['status'],
      registers: [registry],
      enableExemplars: true,
    }).inc({
      labels: { status: 'paid' },
      value: 1,
      exemplarLabels: { trace_id: 'a'.repeat(32), span_id: 'b'.repeat(16) },
    });
    new Histogram({
      name: 'x_seconds',
      help: 'h',
      buckets: [1],
      registers: [registry],
      enableExemplars: true,
    }).observe({
      value: 0.5,
      exemplarLabels: { trace_id: 'c'.repeat(32), span_id: 'd'.repeat(16) },
    });
  });

  it('serves OpenMetrics with exemplars and an EOF marker', async () => {
    const { contentType, body } = await renderMetrics(registry, 'openmetrics');
    expect(contentType).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(body).toContain('# TYPE orders_created counter');
    expect(body).toMatch(
      /^orders_created_total\{status="paid"\} 1 # \{trace_id="a{32}",span_id="b{16}"\} 1 /m,
    );
    expect(body).toMatch(/^x_seconds_bucket\{le="1"\} 1 # \{trace_id="c{32}",span_id="d{16}"\} 0.5 /m);
    expect(body.endsWith('# EOF\n')).toBe(true);
  });

  it('serves classic text without exemplars, keeping counter names even after an OpenMetrics render', async () => {
    await renderMetrics(registry, 'openmetrics');
    const { contentType, body } = await renderMetrics(registry, 'classic');
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(body).toContain('# TYPE orders_created_total counter');
    expect(body).toMatch(/^orders_created_total\{status="paid"\} 1$/m);
    expect(body).toMatch(/^x_seconds_bucket\{le="1"\} 1$/m);
    expect(body).not.toContain('#EOF');
    expect(body).not.toContain('trace_id');
    expect(body).toMatch(/^process_cpu_seconds_total \d/m);
  });
});
