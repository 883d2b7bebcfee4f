// `npm run bench:compare -- --variants <file.json>`: orders variants (builds and/or environments) side
// by side in one run, for before/after checks of a change to the hot path. Every variant runs at once
// on one embedded Postgres seeded with 400 orders; rounds run the variants in a balanced order
// (lib/round-order.ts; by default as many whole cycles as give at least 8 rounds), and each
// figure is the median over rounds of the ratio to the first variant measured next to it in time.
// Prints a Markdown table per path; progress goes to stderr.
import { startTestPostgres } from '@obs/persistence';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { positiveIntegerOption } from './lib/cli-options';
import { runAutocannon } from './lib/client';
import { readCompareSpec, withEndpoint } from './lib/compare-spec';
import { balancedRounds, roundOrder } from './lib/round-order';
import { seedOrders } from './lib/seed-orders';
import { median, spread } from './lib/stats';
import { RunningApp, startApp, startReceiver } from './sections/stack';

const log = (line: string) => process.stderr.write(`[compare ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** User plus system CPU time of a process so far, in microseconds (clock ticks are 10 ms here). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

const pct = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value * 100)}%`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      variants: { type: 'string' },
      rounds: { type: 'string' },
      seconds: { type: 'string', default: '2' },
      connections: { type: 'string', default: '32' },
      paths: { type: 'string', default: '/api/orders/ord-7,/api/orders' },
    },
  });
  if (!values.variants) throw new Error('--variants <file.json> is required (see docs/performance.md)');
  const variants = await readCompareSpec(values.variants);
  const defaultRounds = String(balancedRounds(variants.length, 8));
  const rounds = positiveIntegerOption('rounds', values.rounds ?? defaultRounds);
  const seconds = positiveIntegerOption('seconds', values.seconds);
  const connections = positiveIntegerOption('connections', values.connections);
  const paths = values.paths.split(',').filter(Boolean);

  const workDir = await mkdtemp(join(tmpdir(), 'obs-compare-'));
  const pg = await startTestPostgres({ databases: ['orders'] });
  const { receiver, otlpEndpoint } = await startReceiver();
  const apps: { id: string; app: RunningApp }[] = [];
  try {
    for (const variant of variants) {
      const env = { ...withEndpoint(variant.env, otlpEndpoint), DATABASE_URL: pg.urlFor('orders'), USERS_GRPC_URL: '127.0.0.1:1', PAYMENTS_GRPC_URL: '127.0.0.1:1' };
      const app = await startApp(variant.app, workDir, env, { preload: variant.preload, logs: variant.logs, tag: variant.id });
      apps.push({ id: variant.id, app });
      log(`${variant.id} ready in ${app.child.readyMs.toFixed(0)} ms`);
      // The first app has run the migrations by now.
      if (apps.length === 1) await seedOrders(pg.urlFor('orders'));
    }
    const rps = new Map<string, number[]>();
    const cpu = new Map<string, number[]>();
    const p99 = new Map<string, number[]>();
    const key = (path: string, id: string) => `${path} ${id}`;
    const record = (table: Map<string, number[]>, k: string, value: number) => (table.get(k) ?? table.set(k, []).get(k))?.push(value);
    for (let round = 0; round < rounds; round++) {
      const order = roundOrder(apps, round);
      for (const path of paths) {
        for (const { id, app } of order) {
          const url = `${app.url}${path}`;
          await runAutocannon(url, connections, 1);
          const before = cpuMicros(app.child.pid);
          const run = await runAutocannon(url, connections, seconds);
          const perRequest = run.rps > 0 ? (cpuMicros(app.child.pid) - before) / (run.rps * seconds) : Number.NaN;
          if (run.non2xx || run.errors) throw new Error(`${id} ${path}: ${run.non2xx} non-2xx responses, ${run.errors} errors`);
          record(rps, key(path, id), run.rps);
          record(cpu, key(path, id), perRequest);
          record(p99, key(path, id), run.p99Ms);
          log(`round ${round + 1} ${path} ${id}: ${run.rps.toFixed(0)} req/s, p99 ${run.p99Ms} ms, ${perRequest.toFixed(0)} µs CPU/request`);
        }
      }
    }
    const baseline = apps[0].id;
    const lines = [`${rounds} rounds × ${seconds} s at ${connections} connections (autocannon), after 1 s warm-up each; medians over rounds.`, ''];
    for (const path of paths) {
      lines.push(`GET ${path}`, '', '| variant | req/s | throughput vs first (range) | p99 ms | server CPU µs/req | CPU of first ÷ CPU of this |', '|---|---|---|---|---|---|');
      const base = rps.get(key(path, baseline)) ?? [];
      const baseCpu = cpu.get(key(path, baseline)) ?? [];
      for (const { id } of apps) {
        const own = rps.get(key(path, id)) ?? [];
        const ownCpu = cpu.get(key(path, id)) ?? [];
        const ratios = own.map((value, i) => value / base[i]);
        const cpuRatios = ownCpu.map((value, i) => baseCpu[i] / value);
        const range = spread(ratios);
        const ownP99 = median(p99.get(key(path, id)) ?? []);
        lines.push(`| ${id} | ${median(own)?.toFixed(0)} | ${pct(median(ratios))} (${pct(range?.min)}–${pct(range?.max)}) | ${ownP99?.toFixed(0)} | ${median(ownCpu)?.toFixed(0)} | ${pct(median(cpuRatios))} |`);
      }
      lines.push('');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const { app } of apps) await app.child.stop();
    await receiver.stop();
    await pg.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:compare: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
