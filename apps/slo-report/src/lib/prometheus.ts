// A minimal client for the Prometheus HTTP API (instant queries and the rules list), turning every
// way a query can fail into a message a person on call can act on.
export class ReportError extends Error {}

export interface Sample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

interface ApiResponse<T> {
  status: 'success' | 'error';
  data?: T;
  error?: string;
}

export class PrometheusClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  private async get<T>(path: string): Promise<T> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: 'application/json' } });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new ReportError(
        `cannot reach Prometheus at ${this.baseUrl} (${reason}). Is it running? Pass --url or set PROMETHEUS_URL.`,
      );
    }
    const text = await res.text();
    let body: ApiResponse<T>;
    try {
      body = JSON.parse(text) as ApiResponse<T>;
    } catch {
      throw new ReportError(`${this.baseUrl} answered HTTP ${res.status} without JSON: is it the Prometheus HTTP API?`);
    }
    if (body.status !== 'success' || body.data === undefined) {
      throw new ReportError(`Prometheus at ${this.baseUrl} rejected ${path.split('?')[0]}: ${body.error ?? `HTTP ${res.status}`}`);
    }
    return body.data;
  }

  /** Instant query at the server's current time; NaN and ±Inf values come back as JavaScript numbers. */
  async query(expr: string): Promise<Sample[]> {
    const data = await this.get<{ resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> }>(
      `/api/v1/query?query=${encodeURIComponent(expr)}`,
    );
    if (data.resultType !== 'vector') throw new ReportError(`expected a vector for ${expr}, got ${data.resultType}`);
    return data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
  }

  /** Names of the loaded rule groups. */
  async ruleGroups(): Promise<string[]> {
    const data = await this.get<{ groups: Array<{ name: string }> }>('/api/v1/rules');
    return data.groups.map((g) => g.name);
  }
}
