// Part 1, allocation: the bytes each orders variant allocates on the V8 heap per request, from V8's
// own GC trace (`--trace-gc-nvp`, lib/gc-trace.ts). Throughput and CPU time on this shared host move
// by tens of percent from one round to the next; bytes allocated per request do not, so this table
// shows a change of a few hundred bytes that rounds of throughput cannot. Garbage is also what
// (c) adds that the host's memory contention then amplifies.
import { readFile } from 'node:fs/promises';
import { runRequests } from '../lib/client';
import { gcDelta, gcTotals } from '../lib/gc-trace';
import type { AllocationResult } from '../lib/types';
import { orderVariants, Stack, startApp } from './stack';

/**
 * The young generation, fixed so the figure does not follow the machine's heap heuristics. Each
 * collection reports what was allocated since the one before, so the window's edges blur; at 16 MiB
 * (V8's usual size on 64-bit machines) two copies of (a) agreed within 0.15 KiB per request over
 * 20,000 requests. At 1 MiB the edges are sharper, but collections come so often that the GC-duration
 * observer of the metrics variants showed up as 1–2 KiB per request.
 */
export const SEMI_SPACE_MIB = 16;
const NODE_OPTIONS = ['--trace-gc-nvp', `--max-semi-space-size=${SEMI_SPACE_MIB}`];

export interface AllocationOptions {
  ids: string[];
  paths: Record<string, string>;
  connections: number;
  warmupRequests: number;
  requests: number;
  log: (line: string) => void;
}

export async function measureAllocation(stack: Stack, workDir: string, options: AllocationOptions): Promise<AllocationResult> {
  const variants: AllocationResult['variants'] = [];
  for (const id of options.ids) {
    const variant = orderVariants(stack.otlpEndpoint).find((v) => v.id === id);
    if (!variant) throw new Error(`unknown variant ${id}`);
    const env = { ...variant.env, DATABASE_URL: stack.pg.urlFor('orders'), USERS_GRPC_URL: `127.0.0.1:${stack.users.grpcPort}`, PAYMENTS_GRPC_URL: `127.0.0.1:${stack.payments.grpcPort}` };
    // The GC trace goes to stdout, so stdout goes to a file even for the variants that log nothing.
    const app = await startApp('orders', workDir, env, { preload: variant.preload, logs: true, tag: `${id}-gc`, nodeOptions: NODE_OPTIONS });
    const output = async () => gcTotals(await readFile(app.logFile as string, 'utf8'));
    const perEndpoint: AllocationResult['variants'][number]['endpoints'] = {};
    try {
      for (const [endpoint, path] of Object.entries(options.paths)) {
        const url = `${app.url}${path}`;
        await runRequests(url, options.connections, options.warmupRequests);
        const before = await output();
        const ok = await runRequests(url, options.connections, options.requests);
        if (ok !== options.requests) throw new Error(`orders (${id}) answered ${ok} of ${options.requests} requests to ${path} with a 2xx`);
        const { allocatedBytes, collections } = gcDelta(before, await output());
        perEndpoint[endpoint] = { kibPerRequest: allocatedBytes / options.requests / 1024, collections };
        options.log(`allocation ${endpoint} ${id}: ${(allocatedBytes / options.requests / 1024).toFixed(2)} KiB per request over ${collections} collections`);
      }
    } finally {
      await app.child.stop();
    }
    variants.push({ id, label: variant.label, endpoints: perEndpoint });
  }
  return { nodeOptions: NODE_OPTIONS, connections: options.connections, warmupRequests: options.warmupRequests, requests: options.requests, variants };
}
