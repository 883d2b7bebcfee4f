// GET /metrics content negotiation. Prometheus asks for OpenMetrics first (its default
// scrape_protocols), and exemplars travel only there; curl and older scrapers get the classic text.
import { Registry } from 'prom-client';

export type ExpositionFormat = 'openmetrics' | 'classic';

export const OPENMETRICS_CONTENT_TYPE = Registry.OPENMETRICS_CONTENT_TYPE;
export const CLASSIC_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** OpenMetrics when the Accept header lists application/openmetrics-text with a non-zero q. */
export function negotiateFormat(accept: string | undefined): ExpositionFormat {
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (type !== 'application/openmetrics-text') continue;
    const q = params.find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return 'openmetrics';
  }
  return 'classic';
}

interface RenderableMetric {
  get(): Promise<{ name: string; type: string }>;
}

/** prom-client's per-family renderer; public in its JavaScript, missing from its typings. */
interface FamilyRenderer {
  getMetricsAsString(metric: RenderableMetric): Promise<string>;
}

/**
 * The classic text format from an OpenMetrics registry. prom-client renames counters in place during
 * an OpenMetrics render (dropping `_total` from the family name), so the name is restored here: a
 * counter always reads `<name>_total`, which is also what Prometheus stores from OpenMetrics.
 */
async function renderClassic(registry: Registry): Promise<string> {
  const view = new Registry() as unknown as FamilyRenderer;
  const metrics = registry.getMetricsAsArray() as unknown as RenderableMetric[];
  const parts = await Promise.all(
    metrics.map((metric) =>
      view.getMetricsAsString({
        get: async () => {
          const data = await metric.get();
          const name =
            data.type === 'counter' && !data.name.endsWith('_total') ? `${data.name}_total` : data.name;
          return { ...data, name };
        },
      }),
    ),
  );
  return `${parts.join('\n\n')}\n`;
}

export async function renderMetrics(
  registry: Registry,
  format: ExpositionFormat,
): Promise<{ contentType: string; body: string }> {
  if (format === 'openmetrics')
    return { contentType: OPENMETRICS_CONTENT_TYPE, body: await registry.metrics() };
  return { contentType: CLASSIC_CONTENT_TYPE, body: await renderClassic(registry) };
}
