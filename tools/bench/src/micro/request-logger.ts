// `npm run bench:logger`: what the request logger (pino-http with the library's options) costs per
// request, in one process with no network, so the figure holds still on a noisy host. Each variant
// changes one option; the request and response are minimal stand-ins that pino-http accepts, and
// lines go to a stream that drops them.
import { pinoHttpOptions } from '@obs/observability';
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import pinoHttp, { Options } from 'pino-http';

const WARMUP = 20_000;
const REQUESTS = 100_000;

function microsPerRequest(options: Options): number {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const middleware = pinoHttp({ ...options, logger: pino(options, sink) });
  const once = () => {
    const req = Object.assign(new EventEmitter(), { method: 'GET', url: '/api/orders/ord-7', headers: { host: 'orders' }, socket: {} });
    const res = Object.assign(new EventEmitter(), { statusCode: 200, headersSent: true, writableEnded: true, getHeaders: () => ({}) });
    middleware(req as never, res as never, () => undefined);
    res.emit('finish');
  };
  for (let i = 0; i < WARMUP; i++) once();
  const started = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS; i++) once();
  return Number(process.hrtime.bigint() - started) / REQUESTS / 1_000;
}

const ours = pinoHttpOptions({ service: 'orders', level: 'info', format: 'json' });
const variants: [string, Options][] = [
  ['library options', ours],
  ['library options, LOG_LEVEL=silent', { ...ours, level: 'silent' }],
  ['quietReqLogger: true (a second child logger)', { ...ours, quietReqLogger: true }],
  ['without redaction', { ...ours, redact: undefined }],
  ['without the trace-id mixin', { ...ours, mixin: undefined }],
];
const rows = variants.map(([label, options]) => {
  // Best of three: the least disturbed by the rest of the machine.
  const runs = [0, 1, 2].map(() => microsPerRequest(options));
  return `| ${label} | ${Math.min(...runs).toFixed(1)} |`;
});
process.stdout.write(['| pino-http variant | µs per request (best of 3) |', '|---|---|', ...rows].join('\n') + '\n');
