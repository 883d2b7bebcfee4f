// Reading one request's path through the platform out of the spans the OTLP receiver collected.
import { type ReceivedSpan, SPAN_KIND } from '@obs/testing';

export interface OrderTrace {
  readonly spans: readonly ReceivedSpan[];
  readonly loadgenRoot: ReceivedSpan;
  readonly ordersServer: ReceivedSpan;
  readonly usersServer: ReceivedSpan;
  readonly paymentsServer: ReceivedSpan;
}

export function parentOf(spans: readonly ReceivedSpan[], span: ReceivedSpan): ReceivedSpan | undefined {
  return spans.find((s) => s.spanId === span.parentSpanId);
}

export function ancestorsOf(spans: readonly ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] {
  const chain: ReceivedSpan[] = [];
  for (let s = parentOf(spans, span); s && chain.length < 100; s = parentOf(spans, s)) chain.push(s);
  return chain;
}

/** A complete POST /api/orders trace, started by the load generator, once all its spans arrived. */
export function findOrderTrace(all: readonly ReceivedSpan[], trace: (id: string) => ReceivedSpan[]): OrderTrace | undefined {
  for (const root of all) {
    if (root.service !== 'loadgen' || root.parentSpanId !== '' || root.attributes['loadgen.scenario'] !== 'orders_create') continue;
    const spans = trace(root.traceId);
    const server = (service: string) => spans.find((s) => s.service === service && s.kind === SPAN_KIND.server);
    const [ordersServer, usersServer, paymentsServer] = [server('orders'), server('users'), server('payments')];
    if (ordersServer && usersServer && paymentsServer) return { spans, loadgenRoot: root, ordersServer, usersServer, paymentsServer };
  }
  return undefined;
}
