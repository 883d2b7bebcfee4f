// `npm run bench`: measures, side by side in one run on this machine, the price of observability on
// orders, where POST /api/orders spends its time, the load generator's ceiling and each app's
// footprint, then writes docs/benchmarks.md and docs/benchmarks.json. Progress goes to stderr.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LOADGEN_CLI } from './lib/loadgen-cli';
import { describeMachine, loadSampler } from './lib/machine';
import { renderReport, toJson } from './lib/report';
import type { BenchResult, FootprintRow } from './lib/types';
import { idleRss, loadgenFootprint, serviceUnderLoad } from './sections/footprint';
import { AUTOCANNON_CLI, runLoadgenCeiling } from './sections/loadgen-ceiling';
import { runOverhead } from './sections/overhead';
import { ORDER_BODY, runPostBreakdown } from './sections/post-breakdown';
import { measureAllocation, SEMI_SPACE_MIB } from './sections/allocation';
import { profileVariants } from './sections/profile';
import { Stack, startStack } from './sections/stack';

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const FULL = { allocWarmup: 5_000, allocRequests: 20_000, rounds: 12, warmup: 1, seconds: 2, profileRounds: 3, profileSeconds: 3, connections: 32, postRps: 20, postSeconds: 10, flushMs: 6_000, rates: [1_000, 2_000, 5_000, 10_000, 20_000, 40_000], rateSeconds: 10, loadSeconds: 5 };
const QUICK = { allocWarmup: 1_000, allocRequests: 3_000, rounds: 1, warmup: 1, seconds: 2, profileRounds: 1, profileSeconds: 2, connections: 32, postRps: 20, postSeconds: 3, flushMs: 6_000, rates: [1_000, 5_000], rateSeconds: 4, loadSeconds: 2 };

async function anOrderId(stack: Stack): Promise<string> {
  const app = [...stack.orders.values()][0];
  const page = (await (await fetch(`${app.url}/api/orders?limit=1`)).json()) as { items: { id: string }[] };
  if (page.items[0]) return page.items[0].id;
  const created = await fetch(`${app.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ORDER_BODY });
  return ((await created.json()) as { id: string }).id;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, 'out-dir': { type: 'string' } } });
  const p = values.quick ? QUICK : FULL;
  const outDir = values['out-dir'] ?? (values.quick ? 'tmp/bench' : 'docs');
  const started = performance.now();
  const load = loadSampler();
  const machine = describeMachine(process.cwd());
  const workDir = await mkdtemp(join(tmpdir(), 'obs-bench-'));
  const result: Partial<BenchResult> = {};
  const footprint: FootprintRow[] = [];

  log(`starting Postgres, the OTLP receiver, users, payments and four orders variants (work dir ${workDir})`);
  const stack = await startStack(workDir, log);
  try {
    await new Promise((r) => setTimeout(r, 2_000));
    const orders = stack.orders.get('c') ?? [...stack.orders.values()][0];
    const idle = await idleRss({ users: stack.users, payments: stack.payments, orders });

    log('part 2: POST /api/orders breakdown');
    result.breakdown = await runPostBreakdown(stack, { rps: p.postRps, seconds: p.postSeconds, flushWaitMs: p.flushMs, log });
    const orderId = await anOrderId(stack);

    log('part 1: observability overhead');
    const overhead = await runOverhead(stack, orderId, { connections: p.connections, warmupSeconds: p.warmup, seconds: p.seconds, rounds: p.rounds, log });
    result.overhead = overhead.result;

    log('CPU profiles of variants (a), (b), (c)');
    result.profile = await profileVariants(stack, workDir, orderId, { ids: ['a', 'b', 'c'], connections: p.connections, seconds: p.profileSeconds, rounds: p.profileRounds });

    log('heap allocated per request, per variant');
    result.allocation = await measureAllocation(stack, workDir, {
      ids: [...stack.orders.keys()],
      paths: { 'GET /api/orders/:id': `/api/orders/${orderId}`, 'GET /api/orders': '/api/orders' },
      connections: p.connections,
      warmupRequests: p.allocWarmup,
      requests: p.allocRequests,
      log,
    });

    log('part 4: footprint');
    const under = `autocannon ${p.connections} connections for ${p.loadSeconds} s on`;
    footprint.push({ app: 'orders', readyMs: orders.child.readyMs, idleMiB: idle['orders'], loadMiB: overhead.peakRssMiB['c'], loadDescription: `peak over the part 1 runs of variant (c) (autocannon, ${p.connections} connections)` });
    footprint.push({ app: 'payments', readyMs: stack.payments.child.readyMs, idleMiB: idle['payments'], loadMiB: await serviceUnderLoad(stack.payments, '/api/payments', p.connections, p.loadSeconds), loadDescription: `${under} GET /api/payments` });
    footprint.push({ app: 'users', readyMs: stack.users.child.readyMs, idleMiB: idle['users'], loadMiB: await serviceUnderLoad(stack.users, '/api/users/usr-100', p.connections, p.loadSeconds), loadDescription: `${under} GET /api/users/usr-100` });
    footprint.push(await loadgenFootprint(stack, workDir, 200, p.loadSeconds));
    result.footprint = footprint;
  } finally {
    await stack.stop();
    // Logs and profiles of the apps: large, and every figure from them is already in the result.
    await rm(workDir, { recursive: true, force: true });
  }

  log('part 3: load generator ceiling');
  result.loadgen = await runLoadgenCeiling({ rates: p.rates, seconds: p.rateSeconds, warmupSeconds: 2, autocannonConnections: 100, log });

  const bench: BenchResult = {
    generatedAt: new Date().toISOString(),
    command: values.quick ? 'npm run bench -- --quick' : 'npm run bench',
    durationSeconds: (performance.now() - started) / 1000,
    machine,
    load: load.stop(),
    ...result,
    commands: {
      'part 1, each variant, endpoint and round': `npx autocannon -c ${p.connections} -d ${p.seconds} http://127.0.0.1:$ORDERS_PORT/api/orders/$ORDER_ID  (and /api/orders), after a ${p.warmup} s warm-up run`,
      'part 1, CPU profiles': `node --cpu-prof [preload of the variant] dist/apps/orders/main.js  (env of the variant), loaded in turns: ${p.profileRounds} rounds of ${p.profileSeconds} s per GET endpoint`,
      'part 1, heap allocated': `node --trace-gc-nvp --max-semi-space-size=${SEMI_SPACE_MIB} [preload of the variant] dist/apps/orders/main.js  (env of the variant), then npx autocannon -c ${p.connections} -a ${p.allocWarmup} and -a ${p.allocRequests} on each GET endpoint; allocated= summed over the collections of the second run`,
      'part 2': `${LOADGEN_CLI} --rps ${p.postRps} --duration ${p.postSeconds}s --target http://127.0.0.1:$ORDERS_PORT/api/orders --method POST --body '${ORDER_BODY}' --json`,
      'part 3, loadgen': `${LOADGEN_CLI} --rps <rate> --duration ${p.rateSeconds}s --target http://127.0.0.1:$TARGET_PORT/ --json`,
      'part 3, autocannon': `${AUTOCANNON_CLI} -c 100 -d ${p.rateSeconds} --json http://127.0.0.1:$TARGET_PORT/`,
      'part 4': 'node --require ./dist/apps/<app>/instrumentation.js dist/apps/<app>/main.js, then GET /readyz until 200; VmRSS from /proc/<pid>/status',
    },
    notes: [],
  };
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'benchmarks.json'), toJson(bench));
  await writeFile(join(outDir, 'benchmarks.md'), renderReport(bench));
  log(`wrote ${join(outDir, 'benchmarks.md')} and benchmarks.json in ${bench.durationSeconds.toFixed(0)} s`);
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
