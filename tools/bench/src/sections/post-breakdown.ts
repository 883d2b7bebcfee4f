// Part 2: where the time of POST /api/orders goes, faults off, at a moderate open-loop rate from the
// load generator. Spans come from variant (d) (auto-instrumentations include pg, so database time is
// visible); the lib's own histograms from variant (c) give the same split minus the database.
import { breakdown, Component } from '../lib/breakdown';
import { runLoadgenCli } from '../lib/loadgen-cli';
import type { DecodedSpan } from '../lib/otlp-decode';
import { SPAN_KIND } from '../lib/otlp-decode';
import { histogramSumCount, meanBetween, parseSamples, SumCount } from '../lib/prom-text';
import type { BreakdownResult } from '../lib/types';
import type { Stack } from './stack';

export const ORDER_BODY = JSON.stringify({
  userId: 'usr-100',
  items: [{ sku: 'sku-1', quantity: 2, unitPrice: 12.5 }],
  currency: 'USD',
  paymentMethod: 'credit_card',
});

const isClient = (s: DecodedSpan) => s.kind === SPAN_KIND.client;
const rpcService = (s: DecodedSpan) => `${s.attributes['rpc.service'] ?? ''} ${s.name}`;

export const POST_COMPONENTS: Component[] = [
  { name: 'users hop (ValidateUser)', matches: (s) => isClient(s) && /UsersService|ValidateUser/.test(rpcService(s)) },
  { name: 'payments hop (Charge)', matches: (s) => isClient(s) && /PaymentsService|Charge/.test(rpcService(s)) },
  {
    name: 'database',
    matches: (s) =>
      s.attributes['db.system'] === 'postgresql' || s.attributes['db.system.name'] === 'postgresql' || s.name.startsWith('pg.') || s.name.startsWith('pg-pool'),
  },
];

const isOrderPost = (root: DecodedSpan) => (root.attributes['http.request.method'] ?? root.attributes['http.method']) === 'POST';

async function histograms(url: string): Promise<Record<'total' | 'users' | 'payments', SumCount>> {
  const samples = parseSamples(await (await fetch(`${url}/metrics`)).text());
  return {
    total: histogramSumCount(samples, 'http_server_request_duration_seconds', { http_request_method: 'POST', http_route: '/api/orders' }),
    users: histogramSumCount(samples, 'rpc_client_call_duration_seconds', { rpc_method: 'ValidateUser' }),
    payments: histogramSumCount(samples, 'rpc_client_call_duration_seconds', { rpc_method: 'Charge' }),
  };
}

type Statuses = Record<string, number>;

async function histogramRun(url: string, run: () => Promise<Statuses>): Promise<{ statuses: Statuses; fromHistograms: NonNullable<BreakdownResult['fromHistograms']> }> {
  const before = await histograms(url);
  const statuses = await run();
  const after = await histograms(url);
  const ms = (key: keyof typeof before) => {
    const mean = meanBetween(before[key], after[key]);
    return mean === undefined ? undefined : mean * 1000;
  };
  const totalMs = ms('total');
  const usersMs = ms('users');
  const paymentsMs = ms('payments');
  return {
    statuses,
    fromHistograms: {
      variant: 'c',
      requests: after.total.count - before.total.count,
      totalMs,
      usersMs,
      paymentsMs,
      restMs: totalMs === undefined ? undefined : totalMs - (usersMs ?? 0) - (paymentsMs ?? 0),
    },
  };
}

/**
 * (c) and (d) take the same open-loop POST load at the same time, so both see the same machine noise:
 * (d)'s spans give the breakdown with database time, (c)'s histograms the lib's own view, and the
 * span counts per request of both are recorded.
 */
export async function runPostBreakdown(stack: Stack, options: { rps: number; seconds: number; flushWaitMs: number; log: (l: string) => void }): Promise<BreakdownResult> {
  const args = (url: string) => ['--rps', String(options.rps), '--duration', `${options.seconds}s`, '--target', `${url}/api/orders`, '--method', 'POST', '--body', ORDER_BODY];
  const result: BreakdownResult = { rps: options.rps, seconds: options.seconds, statuses: {}, spansPerRequest: {} };
  const c = stack.orders.get('c');
  const d = stack.orders.get('d');
  if (!c || !d) return result;
  const statusesOf = async (url: string) => (await runLoadgenCli(args(url))).statuses;

  // Let spans of the start-up and earlier requests drain before capturing.
  await new Promise((r) => setTimeout(r, options.flushWaitMs));
  await fetch(`${stack.receiverControl}/capture`, { method: 'POST' });
  const [dStatuses, cRun] = await Promise.all([statusesOf(d.url), histogramRun(c.url, () => statusesOf(c.url))]);
  await new Promise((r) => setTimeout(r, options.flushWaitMs));
  const spans = (await (await fetch(`${stack.receiverControl}/capture`)).json()) as DecodedSpan[];

  for (const statuses of [dStatuses, cRun.statuses]) {
    for (const [code, n] of Object.entries(statuses)) result.statuses[code] = (result.statuses[code] ?? 0) + n;
  }
  const fromSpans = breakdown(spans, 'orders-d', isOrderPost, POST_COMPONENTS);
  if (fromSpans) result.fromSpans = { ...fromSpans, variant: 'd' };
  result.fromHistograms = cRun.fromHistograms;
  for (const [variant, service] of [['c', 'orders-c'], ['d', 'orders-d']] as const) {
    const own = spans.filter((s) => s.service === service);
    const requests = new Set(own.filter((s) => s.kind === SPAN_KIND.server && isOrderPost(s)).map((s) => s.traceId)).size;
    if (requests > 0 && result.spansPerRequest) result.spansPerRequest[variant] = own.length / requests;
  }
  options.log(`POST breakdown from ${spans.length} spans: ${fromSpans?.requests ?? 0} requests of (d)`);
  return result;
}
