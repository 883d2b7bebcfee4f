// `npm run bench:instructions`: CPU instructions per request of each orders variant, counted by
// valgrind's callgrind. Throughput on this shared VM moves by tens of points from one round to the
// next (docs/performance.md); an instruction count does not, so it is the steady measure of what each
// variant costs. Each variant runs alone under callgrind with counting off, serves a warm-up (after
// 30,000 requests V8's compiler still took 4,000-30,000 instructions per request in a window of (c),
// after 80,000 at most 8,000; docs/performance.md), then counts every thread of the process over
// consecutive windows of a fixed number of requests. The median of five windows is the figure: a
// window can catch a burst the others do not, each about 5,000 instructions per request (a pool
// connection's login: valgrind slows the process ~50 times, so idle connections time out far more
// often than natively; kysely's WeakMap of connections growing its table; a late optimisation). The V8 memory
// reducer is off: under valgrind the process looks idle to it and it would start full collections
// that a native run at load never sees. V8 runs single-threaded, so what gets optimised when does not
// depend on how valgrind schedules the compiler's threads: two processes of (a) then agree within 1%.
// The old generation starts at 1 GiB, so no mark-compact runs while counting: under valgrind V8 ran
// one in most windows of some runs and in none of others (its heap limits follow measured speeds,
// which valgrind distorts), 100,000 to 800,000 instructions per request either way, where a native
// process at load runs one every 10,000-40,000 requests. Scavenges still count; each window's
// share of V8's garbage collector is reported beside the total.
// Needs valgrind (Debian package `valgrind`); a Markdown table goes to stdout, progress to stderr.
import { startTestPostgres } from '@obs/persistence';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { explicitDumps, garbageCollectorInstructions, instructionsInDump } from './lib/callgrind';
import { runRequests } from './lib/client';
import { positiveIntegerOption } from './lib/cli-options';
import { markdownTable } from './lib/markdown-table';
import { median } from './lib/stats';
import { seedOrders } from './lib/seed-orders';
import { orderVariants, startApp, startReceiver, Variant } from './sections/stack';

const log = (line: string) => process.stderr.write(`[instructions ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

interface CountOptions {
  readonly path: string;
  readonly warmup: number;
  readonly requests: number;
  readonly windows: number;
}

/** Old-generation start size under callgrind: more than a whole run promotes, so no mark-compact runs. */
const OLD_SPACE_MIB = 1024;

interface WindowCount {
  /** Instructions per request, every thread of the process. */
  readonly total: number;
  /** Of those, in V8's garbage collector (lib/callgrind.ts says which functions count). */
  readonly collector: number;
}

/** Instructions per request of one variant in each of `windows` windows of `requests` after `warmup`. */
async function countVariant(variant: Variant, env: Record<string, string>, dir: string, options: CountOptions): Promise<WindowCount[]> {
  const prefix = `callgrind-${variant.id}`;
  const app = await startApp('orders', dir, { ...variant.env, ...env }, {
    preload: variant.preload,
    logs: variant.logs,
    tag: variant.id,
    nodeOptions: ['--no-memory-reducer', '--single-threaded', `--initial-old-space-size=${OLD_SPACE_MIB}`],
    wrapper: ['valgrind', '--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${join(dir, prefix)}.%p`],
    readyTimeoutMs: 180_000,
  });
  const pid = String(app.child.pid);
  try {
    const url = app.url + options.path;
    // The app creates its tables at start; seeding again changes nothing.
    await seedOrders(env['DATABASE_URL']);
    log(`${variant.label}: ready, ${options.warmup} warm-up requests`);
    await runRequests(url, 8, options.warmup);
    execFileSync('callgrind_control', ['--instr=on', pid], { stdio: 'ignore' });
    for (let window = 0; window < options.windows; window++) {
      // Each dump zeroes the counts, so consecutive dumps are consecutive windows. A dump follows the
      // last answer at once: under valgrind a second of idle time runs the timers of ~30 native
      // seconds. Spans go out in batches of 512 inside a window; at its edges one comes in, one stays.
      const served = await runRequests(url, 8, options.requests);
      if (served !== options.requests) throw new Error(`${variant.label}: ${options.requests - served} of ${options.requests} counted requests failed`);
      execFileSync('callgrind_control', ['--dump', pid], { stdio: 'ignore' });
    }
    const dumps = explicitDumps(await readdir(dir), prefix, app.child.pid);
    if (dumps.length !== options.windows) throw new Error(`${variant.label}: expected ${options.windows} callgrind dumps, found ${dumps.length}`);
    return Promise.all(
      dumps.map(async (dump) => {
        const text = await readFile(join(dir, dump), 'utf8');
        return { total: instructionsInDump(text) / options.requests, collector: garbageCollectorInstructions(text) / options.requests };
      }),
    );
  } finally {
    await app.child.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      variants: { type: 'string', default: 'a,b,c' },
      warmup: { type: 'string', default: '80000' },
      requests: { type: 'string', default: '4000' },
      windows: { type: 'string', default: '5' },
      path: { type: 'string', default: '/api/orders/ord-7' },
    },
  });
  const warmup = positiveIntegerOption('warmup', values.warmup);
  const requests = positiveIntegerOption('requests', values.requests);
  const windows = positiveIntegerOption('windows', values.windows);
  if (spawnSync('valgrind', ['--version']).status !== 0) throw new Error('valgrind is not on PATH: apt-get install -y valgrind');
  const dir = await mkdtemp(join(tmpdir(), 'bench-instructions-'));
  const pg = await startTestPostgres({ databases: ['orders'] });
  const receiver = await startReceiver();
  try {
    const all = orderVariants(receiver.otlpEndpoint);
    const chosen = values.variants.split(',').map((id) => {
      const variant = all.find((v) => v.id === id);
      if (!variant) throw new Error(`unknown variant ${id}; choose from ${all.map((v) => v.id).join(', ')}`);
      return variant;
    });
    const env = { DATABASE_URL: pg.urlFor('orders'), USERS_GRPC_URL: '127.0.0.1:1', PAYMENTS_GRPC_URL: '127.0.0.1:1' };
    const k = (n: number) => (n / 1000).toFixed(1);
    const rows: { label: string; total: number; outside: number; windows: WindowCount[] }[] = [];
    for (const variant of chosen) {
      const windowCounts = await countVariant(variant, env, dir, { path: values.path, warmup, requests, windows });
      const total = median(windowCounts.map((w) => w.total)) as number;
      const outside = median(windowCounts.map((w) => w.total - w.collector)) as number;
      log(`${variant.label}: ${k(total)} k instructions per request, ${k(outside)} k outside the garbage collector (windows: ${windowCounts.map((w) => `${k(w.total)}/${k(w.total - w.collector)}`).join(', ')})`);
      rows.push({ label: variant.label, total, outside, windows: windowCounts });
    }
    const [baseline] = rows;
    const percentOf = (base: number, value: number) => `${Math.round((100 * base) / value)}%`;
    process.stdout.write(
      `GET ${values.path}: ${windows} windows of ${requests} requests each after ${warmup} of warm-up, 8 connections, valgrind callgrind, node --no-memory-reducer --single-threaded --initial-old-space-size=${OLD_SPACE_MIB}. ` +
        `Each cell is the median of the windows; "outside GC" leaves out V8's garbage collector (scavenges; no mark-compact runs, docs/performance.md).\n\n` +
        markdownTable(
          ['variant', 'k instructions per request', 'outside GC', 'windows: all / outside GC', `${baseline.label.split(' ')[0]}'s count ÷ this`, 'the same, outside GC'],
          rows.map((row) => [
            row.label,
            k(row.total),
            k(row.outside),
            row.windows.map((w) => `${k(w.total)}/${k(w.total - w.collector)}`).join(', '),
            percentOf(baseline.total, row.total),
            percentOf(baseline.outside, row.outside),
          ]),
        ) +
        '\n',
    );
  } finally {
    await receiver.receiver.stop();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
