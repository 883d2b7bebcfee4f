// The completion line is written without pino's serialiser, so it must come out exactly as pino
// would write it with the library's options: same bytes, for every shape of request.
import { Logger, pino } from 'pino';
import { ActiveSpanIds } from '../tracing/trace-context';
import { CompletionFacts, encodeCompletionLine, writeCompletionLine } from './completion-line';
import { isoTimeCachedPerSecond } from './iso-time';
import { pinoHttpOptions } from './logger-params';

const SPAN: ActiveSpanIds = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', sampled: true };

/** A request's child logger as pino-http makes it, with the library's options, writing to `lines`. */
function requestLogger(lines: string[], spanIds: ActiveSpanIds | undefined, level = 'info'): Logger {
  const options = pinoHttpOptions({ service: 'orders', version: '1.4.0', level, format: 'json' });
  const logger = pino(
    {
      ...options,
      // A fixed clock, so the reference line and ours carry the same time.
      timestamp: isoTimeCachedPerSecond(() => Date.UTC(2026, 10, 22, 9, 20, 5, 7)),
      // What traceFields returns while the request's span is active.
      mixin: () => (spanIds ? { trace_id: spanIds.traceId, span_id: spanIds.spanId, trace_flags: spanIds.sampled ? '01' : '00' } : {}),
    },
    { write: (line: string) => void lines.push(line) },
  );
  return logger.child({ req: { id: 'req-1', method: 'GET', url: '/api/orders/ord-7?expand="items"' } });
}

/** What pino writes for the same facts through its own serialiser. */
function pinoLine(logger: Logger, lines: string[], facts: CompletionFacts): string {
  const fields: Record<string, unknown> = {};
  if (facts.durationMs !== undefined) fields['duration_ms'] = facts.durationMs;
  fields['http_route'] = facts.route;
  if (facts.statusCode !== undefined) fields['http_response_status_code'] = facts.statusCode;
  const before = lines.length;
  if (facts.statusCode === undefined) logger.warn(fields, 'request aborted');
  else if (facts.statusCode >= 500) logger.error(fields, 'request errored');
  else logger.info(fields, 'request completed');
  expect(lines).toHaveLength(before + 1);
  return lines[before];
}

describe('the request completion line', () => {
  it.each<[string, CompletionFacts]>([
    ['a traced 200', { route: '/api/orders/:id', statusCode: 200, durationMs: 12, spanIds: SPAN }],
    ['an unsampled 404 on no route', { route: 'unmatched', statusCode: 404, durationMs: 0, spanIds: { ...SPAN, sampled: false } }],
    ['a 503 without a span', { route: '/api/orders', statusCode: 503, durationMs: 30_001, spanIds: undefined }],
    ['an aborted request', { route: '/api/orders', statusCode: undefined, durationMs: undefined, spanIds: SPAN }],
    ['a route that needs escaping', { route: '/api/"odd"/\\/ünï/\u2028', statusCode: 201, durationMs: 7, spanIds: SPAN }],
  ])('is byte for byte the line pino writes: %s', (_case, facts) => {
    const lines: string[] = [];
    const logger = requestLogger(lines, facts.spanIds);
    expect(encodeCompletionLine(logger, facts)).toBe(pinoLine(logger, lines, facts));
    expect(JSON.parse(encodeCompletionLine(logger, facts))).toMatchObject({ service: 'orders', version: '1.4.0', http_route: facts.route });
  });

  it('carries fields assigned during the request and redacts secrets in them as pino does', () => {
    const lines: string[] = [];
    const logger = requestLogger(lines, SPAN);
    logger.setBindings({ 'fault.injected': true, 'fault.kind': 'latency', authorization: 'Bearer top-secret' });
    const facts: CompletionFacts = { route: '/api/orders/:id', statusCode: 200, durationMs: 3, spanIds: SPAN };
    const line = encodeCompletionLine(logger, facts);
    expect(line).toBe(pinoLine(logger, lines, facts));
    expect(JSON.parse(line)).toMatchObject({ 'fault.injected': true, 'fault.kind': 'latency', authorization: '[REDACTED]' });
    expect(line).not.toContain('top-secret');
  });

  it('is written only when the logger level lets it through: info, error or warn as the outcome says', () => {
    const written: string[] = [];
    const atWarn = requestLogger(written, SPAN, 'warn');
    writeCompletionLine(atWarn, { route: '/a', statusCode: 200, durationMs: 1, spanIds: SPAN });
    writeCompletionLine(atWarn, { route: '/a', statusCode: 404, durationMs: 1, spanIds: SPAN });
    writeCompletionLine(atWarn, { route: '/a', statusCode: undefined, durationMs: undefined, spanIds: SPAN });
    writeCompletionLine(atWarn, { route: '/a', statusCode: 500, durationMs: 1, spanIds: SPAN });
    expect(written.map((line) => (JSON.parse(line) as { level: string; msg: string }).level)).toEqual(['warn', 'error']);
    const silent: string[] = [];
    writeCompletionLine(requestLogger(silent, SPAN, 'silent'), { route: '/a', statusCode: 500, durationMs: 1, spanIds: SPAN });
    expect(silent).toEqual([]);
  });
});
