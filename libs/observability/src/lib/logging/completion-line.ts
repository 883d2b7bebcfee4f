// The request's completion line, written straight to the response logger's destination. pino-http
// wrote it through three listeners per response and pino's generic serialiser (a mixin merge, the
// redaction hooks and a field-by-field walk) for a line whose shape never changes. Here it is one
// string: the logger's own level label, time function and bindings (service, the trimmed request, and
// whatever FaultMarker assigned), then the fixed fields. The spec holds it byte for byte equal to the
// line pino writes for the same logger and fields.
import type { Logger } from 'pino';
import { symbols } from 'pino';
import type { ActiveSpanIds } from '../tracing/trace-context';

export interface CompletionFacts {
  readonly route: string;
  /** undefined: no response went out (the client went away first). */
  readonly statusCode: number | undefined;
  /** Whole milliseconds; undefined when the request was aborted (no reply to time it by). */
  readonly durationMs: number | undefined;
  readonly spanIds: ActiveSpanIds | undefined;
}

export const COMPLETED = 'request completed';
export const ERRORED = 'request errored';
export const ABORTED = 'request aborted';

/** Server errors are errors, a request the client gave up on is a warning, the rest (4xx too) info. */
export function completionLevel(statusCode: number | undefined): 'info' | 'warn' | 'error' {
  if (statusCode === undefined) return 'warn';
  return statusCode >= 500 ? 'error' : 'info';
}

/** Route templates as JSON strings: a handful per app, quoted once instead of on every line. */
const quotedRoutes = new Map<string, string>();
const MAX_QUOTED_ROUTES = 256;

function quotedRoute(route: string): string {
  let quoted = quotedRoutes.get(route);
  if (quoted === undefined) {
    quoted = JSON.stringify(route);
    if (quotedRoutes.size < MAX_QUOTED_ROUTES) quotedRoutes.set(route, quoted);
  }
  return quoted;
}

type LoggerInternals = Logger & {
  [symbols.timeSym]: () => string;
  [symbols.chindingsSym]: string;
  [symbols.streamSym]: { write(line: string): unknown };
};

/**
 * The line as text. Needs the library's pino options (logger-params.ts): the level as its label and
 * no `formatters.log` change to these fields (ids are lower-case hex, numbers are finite).
 */
export function encodeCompletionLine(logger: Logger, facts: CompletionFacts, level = completionLevel(facts.statusCode)): string {
  const internals = logger as LoggerInternals;
  const ids = facts.spanIds;
  const trace = ids ? `,"trace_id":"${ids.traceId}","span_id":"${ids.spanId}","trace_flags":"${ids.sampled ? '01' : '00'}"` : '';
  const status = facts.statusCode === undefined ? '' : `,"http_response_status_code":${facts.statusCode}`;
  const msg = facts.statusCode === undefined ? ABORTED : facts.statusCode >= 500 ? ERRORED : COMPLETED;
  return (
    `{"level":"${level}"${internals[symbols.timeSym]()}${internals[symbols.chindingsSym]}${trace}` +
    `${facts.durationMs === undefined ? '' : `,"duration_ms":${facts.durationMs}`},"http_route":${quotedRoute(facts.route)}${status},"msg":"${msg}"}\n`
  );
}

/** Writes the line if the logger's level lets it through. */
export function writeCompletionLine(logger: Logger, facts: CompletionFacts): void {
  const level = completionLevel(facts.statusCode);
  if (!logger.isLevelEnabled(level)) return;
  (logger as LoggerInternals)[symbols.streamSym].write(encodeCompletionLine(logger, facts, level));
}
