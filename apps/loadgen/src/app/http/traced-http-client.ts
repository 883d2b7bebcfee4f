// Outgoing HTTP over undici with one pooled keep-alive connection set per target. Every request is
// a root span whose W3C context is injected into the headers by hand: the OpenTelemetry http
// instrumentation patches node:http, which undici does not use.
import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  Tracer,
} from '@opentelemetry/api';
import { Pool } from 'undici';
import { PlannedRequest } from '../mix/scenarios';
import { NETWORK_ERROR_STATUS } from '../stats/run-stats';

export interface HttpClientOptions {
  /** Connections per target origin; also the most requests one target sees at once. */
  connectionsPerOrigin: number;
  timeoutMs: () => number;
  tracer?: Tracer;
}

export interface SpanIds {
  traceId: string;
  spanId: string;
  sampled: boolean;
}

export interface HttpResult {
  status: number;
  /** The request's root span, for exemplars. */
  span?: SpanIds;
  /** Parsed JSON body, only when the request asked for it (captureOrderId). */
  json?: unknown;
  errorCode?: string;
}

/** Response bodies larger than this are not parsed (an order is far smaller). */
const MAX_JSON_BYTES = 1_048_576;

export class TracedHttpClient {
  private readonly pools = new Map<string, Pool>();
  private readonly tracer: Tracer;
  private closed = false;

  constructor(private readonly options: HttpClientOptions) {
    this.tracer = options.tracer ?? trace.getTracer('loadgen');
  }

  async send(request: PlannedRequest, signal?: AbortSignal): Promise<HttpResult> {
    const url = new URL(request.path, request.origin);
    const span = this.tracer.startSpan(
      `${request.method} ${request.route}`,
      {
        kind: SpanKind.CLIENT,
        root: true,
        attributes: {
          'http.request.method': request.method,
          'url.full': url.href,
          'server.address': url.hostname,
          'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
          'loadgen.scenario': request.scenario,
        },
      },
      ROOT_CONTEXT,
    );
    const spanContext = span.spanContext();
    const ids: SpanIds | undefined = isSpanContextValid(spanContext)
      ? {
          traceId: spanContext.traceId,
          spanId: spanContext.spanId,
          sampled: (spanContext.traceFlags & TraceFlags.SAMPLED) !== 0,
        }
      : undefined;
    const headers = { ...request.headers };
    propagation.inject(trace.setSpan(ROOT_CONTEXT, span), headers);
    try {
      const result = await context.with(trace.setSpan(ROOT_CONTEXT, span), () =>
        this.exchange(request, url, headers, signal),
      );
      span.setAttribute('http.response.status_code', result.status);
      if (result.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return { ...result, span: ids };
    } catch (error) {
      const errorCode = networkErrorCode(error);
      span.setAttribute('error.type', errorCode);
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorCode });
      return { status: NETWORK_ERROR_STATUS, errorCode, span: ids };
    } finally {
      span.end();
    }
  }

  /** New pools get this many connections; current pools finish their requests, then close. */
  setConnectionsPerOrigin(connections: number): void {
    if (connections === this.options.connectionsPerOrigin) return;
    this.options.connectionsPerOrigin = connections;
    const old = [...this.pools.values()];
    this.pools.clear();
    for (const pool of old) void pool.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    // destroy (not close): requests to a dead or hung target must not hold up shutdown.
    await Promise.allSettled(pools.map((pool) => pool.destroy()));
  }

  private async exchange(
    request: PlannedRequest,
    url: URL,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<HttpResult> {
    const timeout = this.options.timeoutMs();
    const response = await this.pool(url.origin).request({
      path: url.pathname + url.search,
      method: request.method,
      headers,
      body: request.body,
      signal,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    if (request.captureOrderId && response.statusCode < 300) {
      const text = await response.body.text();
      return {
        status: response.statusCode,
        json: text.length <= MAX_JSON_BYTES ? safeJson(text) : undefined,
      };
    }
    await response.body.dump();
    return { status: response.statusCode };
  }

  private pool(origin: string): Pool {
    if (this.closed) throw Object.assign(new Error('client closed'), { code: 'CLIENT_CLOSED' });
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.options.connectionsPerOrigin,
        keepAliveTimeout: 30_000,
        connectTimeout: Math.min(10_000, this.options.timeoutMs()),
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function networkErrorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; name?: unknown; cause?: { code?: unknown } };
    if (typeof e.code === 'string') return e.code;
    if (e.cause && typeof e.cause.code === 'string') return e.cause.code;
    if (typeof e.name === 'string') return e.name;
  }
  return 'UNKNOWN';
}
