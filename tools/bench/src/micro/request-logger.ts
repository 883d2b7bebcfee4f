// `npm run bench:logger`: what the request logger (pino-http's child logger with the library's options,
// and the completion line) costs per request, in one process with no network, so the figure holds
// still on a noisy host. Each variant changes one thing; the request and response are minimal
// stand-ins that pino-http accepts, and lines go to a stream that drops them. A second table times the destinations that write the lines
// to a real file: sonic-boom (pino.destination) against the library's LineWriter.
import { isoTimeCachedPerSecond, LineWriter, pinoHttpOptions, writeCompletionLine } from '@obs/observability';
import { EventEmitter } from 'node:events';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { destination, Logger, pino, stdTimeFunctions } from 'pino';
import { markdownTable } from '../lib/markdown-table';
import { bestOf, bestOfAsync } from './best-of';
import pinoHttp, { Options } from 'pino-http';

const WARMUP = 20_000;
const REQUESTS = 100_000;

/** What the completion line went through before RequestCompletionLog: pino-http's own, via listeners. */
const THROUGH_PINO_HTTP: Partial<Options> = {
  autoLogging: true,
  customAttributeKeys: { responseTime: 'duration_ms' },
  customSuccessObject: (_req, res, value) => ({ ...value, http_route: '/api/orders/:id', http_response_status_code: res.statusCode }),
};

/**
 * µs per request of pino-http's middleware (the request's child logger) and, unless `direct` is false,
 * the completion line written the way RequestCompletionLog writes it.
 */
function microsPerRequest(options: Options, direct = true): number {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const middleware = pinoHttp({ ...options, logger: pino(options, sink) });
  const spanIds = { traceId: 'd500b1e2d9cf51a5477e7c976db8fde6', spanId: '73b88323eadb44bc', sampled: true };
  const once = () => {
    const req = Object.assign(new EventEmitter(), { method: 'GET', url: '/api/orders/ord-7', headers: { host: 'orders' }, socket: {} });
    const res = Object.assign(new EventEmitter(), { statusCode: 200, headersSent: true, writableEnded: true, getHeaders: () => ({}) });
    middleware(req as never, res as never, () => undefined);
    if (direct) writeCompletionLine((res as unknown as { log: Logger }).log, { route: '/api/orders/:id', statusCode: 200, durationMs: 11, spanIds });
    res.emit('finish');
  };
  for (let i = 0; i < WARMUP; i++) once();
  const started = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS; i++) once();
  return Number(process.hrtime.bigint() - started) / REQUESTS / 1_000;
}

const ours = pinoHttpOptions({ service: 'orders', level: 'info', format: 'json' });
const variants: [string, Options, boolean][] = [
  ['completion line from pino-http, through its listeners and serialiser (before)', { ...ours, ...THROUGH_PINO_HTTP }, false],
  ['completion line from the onResponse hook, encoded directly (now)', ours, true],
  ['LOG_LEVEL=silent (the child logger alone)', { ...ours, level: 'silent' }, true],
  ['quietReqLogger: true (a second child logger)', { ...ours, quietReqLogger: true }, true],
];
const rows = variants.map(([label, options, direct]) => [label, bestOf(() => microsPerRequest(options, direct)).toFixed(1)]);
process.stdout.write(markdownTable(['request logger variant', 'µs per request (best of 3)'], rows) + '\n\n');

// The time field alone: a plain pino logger writing to a sink that drops the line, so the only
// difference between the two rows is the timestamp function.
function nanosPerLine(timestamp: () => string): number {
  const logger = pino({ timestamp, base: { service: 'orders' } }, { write: () => undefined });
  for (let i = 0; i < WARMUP; i++) logger.info({ duration_ms: i }, 'request completed');
  const started = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS * 5; i++) logger.info({ duration_ms: i }, 'request completed');
  return Number(process.hrtime.bigint() - started) / (REQUESTS * 5);
}
const timestamps: [string, () => () => string][] = [
  ["pino's isoTime, a Date formatted per line (before)", () => stdTimeFunctions.isoTime],
  ['isoTimeCachedPerSecond (now)', () => isoTimeCachedPerSecond()],
];
const timestampRows = timestamps.map(([label, make]) => [label, bestOf(() => nanosPerLine(make())).toFixed(0)]);
process.stdout.write(markdownTable(['pino line, by time format', 'ns per line (best of 3)'], timestampRows) + '\n\n');

// A completion line as the orders service writes it (about 370 bytes).
const LINE =
  '{"level":"info","time":"2026-11-22T09:20:05.346Z","service":"orders","req":{"id":"req-mrl","method":"GET","url":"/api/orders/ord-7"},' +
  '"trace_id":"d500b1e2d9cf51a5477e7c976db8fde6","span_id":"73b88323eadb44bc","trace_flags":"01","res":{"statusCode":200},"duration_ms":19,' +
  '"http_route":"/api/orders/:id","http_response_status_code":200,"msg":"request completed"}\n';
/** Lines logged per turn of the event loop: a lightly loaded server, and a busy one. */
const LINES_PER_TURN = [1, 32];
const LINES = 96_000;

interface Destination {
  write(line: string): unknown;
  /** Resolves once every line is written and the file is closed. */
  finish(): Promise<void>;
}

/** Main-thread CPU per line, lines written a turn's worth at a time so async writes overlap as in a server. */
async function destinationMicrosPerLine(open: (fd: number) => Destination, linesPerTurn: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-logger-'));
  const fd = openSync(join(dir, 'out.log'), 'w');
  const dest = open(fd);
  const turns = async (count: number) => {
    for (let turn = 0; turn < count; turn++) {
      for (let i = 0; i < linesPerTurn; i++) dest.write(LINE);
      await nextTurn();
    }
  };
  const measuredTurns = LINES / linesPerTurn;
  await turns(measuredTurns / 5);
  const before = process.threadCpuUsage();
  await turns(measuredTurns);
  await dest.finish();
  const used = process.threadCpuUsage(before);
  rmSync(dir, { recursive: true });
  return (used.user + used.system) / LINES;
}

const destinations: [string, (fd: number) => Destination][] = [
  [
    'sonic-boom, async (pino.destination, before)',
    (fd) => {
      const sonic = destination({ dest: fd, sync: false });
      // end() writes what is pending, then closes the file and emits 'close'.
      return { write: (line) => sonic.write(line), finish: () => new Promise((resolve) => sonic.once('close', () => resolve()).end()) };
    },
  ],
  [
    'LineWriter (now)',
    (fd) => {
      const writer = new LineWriter(fd);
      return { write: (line) => writer.write(line), finish: () => new Promise((resolve) => writer.flush(() => resolve(closeSync(fd)))) };
    },
  ],
];
void (async () => {
  const destinationRows: string[][] = [];
  for (const [label, open] of destinations) {
    const cells: string[] = [];
    for (const linesPerTurn of LINES_PER_TURN) cells.push((await bestOfAsync(() => destinationMicrosPerLine(open, linesPerTurn))).toFixed(2));
    destinationRows.push([label, ...cells]);
  }
  const heads = LINES_PER_TURN.map((n) => `${n} line${n === 1 ? '' : 's'} per turn`);
  process.stdout.write(markdownTable(['log destination, to a file: main-thread CPU µs per line (best of 3)', ...heads], destinationRows) + '\n');
})();
