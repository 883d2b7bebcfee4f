// The few Prometheus HTTP API calls the suite makes (instant queries, exemplars, alerts).
export interface VectorSample {
  readonly metric: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Exemplar {
  readonly seriesLabels: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

interface ApiResponse<T> {
  status: 'success' | 'error';
  data: T;
  error?: string;
}

export class PrometheusApi {
  constructor(readonly url: string) {}

  private async get<T>(path: string, params: Record<string, string>): Promise<T> {
    const res = await fetch(`${this.url}${path}?${new URLSearchParams(params)}`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as ApiResponse<T>;
    if (body.status !== 'success') throw new Error(`Prometheus ${path} ${JSON.stringify(params)}: ${body.error ?? res.status}`);
    return body.data;
  }

  /** An instant query that must return a vector. */
  async query(expr: string): Promise<VectorSample[]> {
    const data = await this.get<{ resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] }>(
      '/api/v1/query',
      { query: expr },
    );
    if (data.resultType !== 'vector') throw new Error(`${expr} returned a ${data.resultType}, not a vector`);
    return data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
  }

  async exemplars(expr: string, sinceSeconds: number): Promise<Exemplar[]> {
    const end = Date.now() / 1000;
    const data = await this.get<{ seriesLabels: Record<string, string>; exemplars: { labels: Record<string, string>; value: string }[] }[]>(
      '/api/v1/query_exemplars',
      { query: expr, start: String(end - sinceSeconds), end: String(end) },
    );
    return data.flatMap((series) => series.exemplars.map((e) => ({ seriesLabels: series.seriesLabels, labels: e.labels, value: Number(e.value) })));
  }

  /** Alerts as Prometheus sees them (pending or firing). */
  async alerts(): Promise<{ labels: Record<string, string>; annotations: Record<string, string>; state: string }[]> {
    return (await this.get<{ alerts: { labels: Record<string, string>; annotations: Record<string, string>; state: string }[] }>('/api/v1/alerts', {})).alerts;
  }
}
