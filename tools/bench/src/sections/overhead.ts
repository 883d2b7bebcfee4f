// Part 1: the price of observability. Every orders variant runs at once (idle between its turns);
// rounds follow a balanced order (lib/round-order.ts: every variant in every position, after every
// other, equally often) so drift in the shared machine's load and what one variant leaves behind for
// the next hit all variants alike, and each variant's figure is the median over rounds.
import { stat } from 'node:fs/promises';
import { runAutocannon } from '../lib/client';
import { withPeakRss } from '../lib/procs';
import { roundOrder } from '../lib/round-order';
import type { ClientRun, OverheadResult } from '../lib/types';
import type { Stack } from './stack';

export interface OverheadOptions {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  rounds: number;
  log: (line: string) => void;
}

export async function runOverhead(stack: Stack, orderId: string, options: OverheadOptions): Promise<{ result: OverheadResult; peakRssMiB: Record<string, number | undefined> }> {
  const endpoints: Record<string, string> = {
    'GET /api/orders/:id': `/api/orders/${orderId}`,
    'GET /api/orders': '/api/orders',
  };
  const ids = [...stack.orders.keys()];
  const runs = new Map(ids.map((id) => [id, Object.fromEntries(Object.keys(endpoints).map((e) => [e, [] as ClientRun[]]))]));
  const peakRssMiB: Record<string, number | undefined> = {};
  for (let round = 0; round < options.rounds; round++) {
    const order = roundOrder(ids, round);
    for (const [endpoint, path] of Object.entries(endpoints)) {
      for (const id of order) {
        const app = stack.orders.get(id);
        if (!app) continue;
        const url = `${app.url}${path}`;
        await runAutocannon(url, options.connections, options.warmupSeconds);
        const { result, peakMiB } = await withPeakRss(app.child.pid, () => runAutocannon(url, options.connections, options.seconds));
        peakRssMiB[id] = Math.max(peakRssMiB[id] ?? 0, peakMiB ?? 0);
        runs.get(id)?.[endpoint].push(result);
        options.log(`round ${round + 1} ${endpoint} ${id}: ${result.rps.toFixed(0)} req/s p50 ${result.p50Ms} ms p99 ${result.p99Ms} ms${result.non2xx ? ` non2xx ${result.non2xx}` : ''}`);
      }
    }
  }
  const { traces, metrics, logs } = (await (await fetch(`${stack.receiverControl}/stats`)).json()) as OverheadResult['exporter'];
  const logBytes: Record<string, number> = {};
  for (const [id, app] of stack.orders) if (app.logFile) logBytes[id] = (await stat(app.logFile)).size;
  return {
    peakRssMiB,
    result: {
      connections: options.connections,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
      rounds: options.rounds,
      baseline: ids[0],
      endpoints: Object.keys(endpoints),
      variants: ids.map((id) => {
        const variant = stack.orders.get(id)?.variant;
        return { id, label: variant?.label ?? id, how: variant?.how ?? '', runs: runs.get(id) ?? {} };
      }),
      // The receiver is shared, so its totals cover (c) and (d) together plus users/payments.
      exporter: { traces, metrics, logs },
      logBytes,
    },
  };
}
