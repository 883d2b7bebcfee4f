// Flags of the benchmark / smoke-run CLI, validated into a plain options object.
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const CLI_USAGE = `Usage: loadgen-cli --rps <n> --duration <time> (--target <url> | --mix) [options]

  --rps <n>             target arrival rate, requests per second (default 10)
  --duration <time>     how long to offer load: 500ms, 30s, 2m (default 10s)
  --target <url>        single-target mode: the same request to one URL (e.g. http://localhost:8081)
  --path <path>         path for single-target mode (default: the target URL's path, else /)
  --method <GET|POST>   method for single-target mode (default GET)
  --body <json>         JSON body for single-target POSTs
  --mix                 the weighted mix of DESIGN.md against ORDERS_URL, PAYMENTS_URL, USERS_URL
  --orders-url, --payments-url, --users-url <url>   override the mix targets
  --concurrency <n>     most requests in flight; further arrivals are dropped (default 1000)
  --timeout <time>      per-request timeout (default 10s)
  --diurnal             apply the diurnal wave (off by default: benchmarks want a flat rate)
  --day-minutes <n>     length of a simulated day with --diurnal (default 60)
  --seed <n>            seed for the mix and bodies (replayable runs)
  --json                print the final summary as one JSON object on stdout (progress goes to stderr)
  --help                this text`;

export class CliUsageError extends Error {}

export interface CliOptions {
  rps: number;
  durationMs: number;
  mode:
    | { kind: 'single'; target: string; path: string; method: 'GET' | 'POST'; body?: string }
    | { kind: 'mix'; origins: { orders: string; payments: string; users: string } };
  concurrency: number;
  timeoutMs: number;
  diurnal: boolean;
  dayMinutes: number;
  seed?: number;
  json: boolean;
}

/** "250ms", "30s", "2m", "1h" or a bare number of seconds, to milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new CliUsageError(`${flag}: "${text}" is not a duration like 500ms, 30s, 2m`);
  const factor = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1_000;
  const ms = Number(match[1]) * factor;
  if (!(ms > 0)) throw new CliUsageError(`${flag}: must be greater than zero`);
  return ms;
}

function parseNumber(text: string | undefined, flag: string, fallback: number, schema: z.ZodNumber): number {
  if (text === undefined) return fallback;
  const result = schema.safeParse(Number(text));
  if (!result.success || text.trim() === '')
    throw new CliUsageError(
      `${flag}: "${text}" is not valid (${result.error?.issues[0]?.message ?? 'empty'})`,
    );
  return result.data;
}

function parseUrl(text: string, flag: string): string {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    return url.href;
  } catch {
    throw new CliUsageError(`${flag}: "${text}" is not an http(s) URL`);
  }
}

export function parseCliArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        rps: { type: 'string' },
        duration: { type: 'string' },
        target: { type: 'string' },
        path: { type: 'string' },
        method: { type: 'string' },
        body: { type: 'string' },
        mix: { type: 'boolean' },
        'orders-url': { type: 'string' },
        'payments-url': { type: 'string' },
        'users-url': { type: 'string' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        diurnal: { type: 'boolean' },
        'day-minutes': { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help) return 'help';
  if (values.target !== undefined && values.mix) throw new CliUsageError('--target and --mix are exclusive');
  if (values.target === undefined && !values.mix) throw new CliUsageError('give --target <url> or --mix');

  let mode: CliOptions['mode'];
  if (values.target !== undefined) {
    const target = new URL(parseUrl(values.target, '--target'));
    const method = (values.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'POST') throw new CliUsageError('--method: GET or POST');
    if (values.body !== undefined) {
      try {
        JSON.parse(values.body);
      } catch {
        throw new CliUsageError('--body: not valid JSON');
      }
    }
    const path = values.path ?? `${target.pathname}${target.search}`;
    if (!path.startsWith('/')) throw new CliUsageError('--path must start with /');
    mode = { kind: 'single', target: target.origin, path, method, body: values.body };
  } else {
    mode = {
      kind: 'mix',
      origins: {
        orders: parseUrl(values['orders-url'] ?? env.ORDERS_URL ?? 'http://127.0.0.1:8081', '--orders-url'),
        payments: parseUrl(
          values['payments-url'] ?? env.PAYMENTS_URL ?? 'http://127.0.0.1:8082',
          '--payments-url',
        ),
        users: parseUrl(values['users-url'] ?? env.USERS_URL ?? 'http://127.0.0.1:8083', '--users-url'),
      },
    };
  }

  return {
    rps: parseNumber(values.rps, '--rps', 10, z.number().gt(0).max(100_000)),
    durationMs: values.duration === undefined ? 10_000 : parseDuration(values.duration, '--duration'),
    mode,
    concurrency: parseNumber(
      values.concurrency,
      '--concurrency',
      1_000,
      z.number().int().min(1).max(100_000),
    ),
    timeoutMs: values.timeout === undefined ? 10_000 : parseDuration(values.timeout, '--timeout'),
    diurnal: values.diurnal ?? false,
    dayMinutes: parseNumber(values['day-minutes'], '--day-minutes', 60, z.number().min(0.1).max(1440)),
    seed: values.seed === undefined ? undefined : parseNumber(values.seed, '--seed', 0, z.number().int()),
    json: values.json ?? false,
  };
}
