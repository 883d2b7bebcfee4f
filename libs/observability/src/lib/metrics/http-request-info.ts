// What the Fastify hooks learn about a request (route template, span ids at arrival), kept on the
// raw Node request so the pino-http logger, which only sees the raw request, can read it too.
import { UNMATCHED_ROUTE } from '@obs/contracts';
import type { IncomingMessage } from 'node:http';
import type { ActiveSpanIds } from '../tracing/trace-context';

// Symbol.for: the tracing preload, bundled apart from the app, fills this in first for the requests
// it traces (it has just read the route and made the span), and the app's hooks then reuse it.
const INFO = Symbol.for('@obs/observability.http-request-info');

export interface HttpRequestInfo {
  /** The route template, e.g. /api/orders/:id; UNMATCHED_ROUTE when no route matched. */
  readonly route: string;
  readonly spanIds?: ActiveSpanIds;
}

type Carrier = IncomingMessage & { [INFO]?: HttpRequestInfo };

export function routeTemplate(url: string | undefined): string {
  return url ? url : UNMATCHED_ROUTE;
}

export function setHttpRequestInfo(raw: IncomingMessage, info: HttpRequestInfo): void {
  (raw as Carrier)[INFO] = info;
}

export function httpRequestInfo(raw: IncomingMessage): HttpRequestInfo | undefined {
  return (raw as Carrier)[INFO];
}
