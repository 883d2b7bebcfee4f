// Where the time of one request goes, from its spans: the service's top server span is the whole;
// client spans under it are classified as hops (by a matcher per component); whatever the union of
// hop intervals does not cover is the service's own work. Overlapping hops are not double-counted.
import { DecodedSpan, SPAN_KIND } from './otlp-decode';
import { distribution, Distribution } from './stats';

export interface Component {
  readonly name: string;
  readonly matches: (span: DecodedSpan) => boolean;
}

export interface Breakdown {
  /** Requests (traces) that had a root server span in the service. */
  requests: number;
  totalMs: Distribution;
  /** Per component (plus "own work"), the distribution of its time per request and its share of the mean total. */
  components: { name: string; ms: Distribution; share: number }[];
}

/** Total length of the union of [start, end) intervals, each clipped to [from, to). */
export function unionLength(intervals: readonly [number, number][], from: number, to: number): number {
  const clipped = intervals
    .map(([s, e]): [number, number] => [Math.max(s, from), Math.min(e, to)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [s, e] of clipped) {
    if (s > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else curEnd = Math.max(curEnd, e);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

function descendants(root: DecodedSpan, byParent: Map<string, DecodedSpan[]>): DecodedSpan[] {
  const out: DecodedSpan[] = [];
  const queue = [root.spanId];
  while (queue.length > 0) {
    for (const child of byParent.get(queue.pop() as string) ?? []) {
      out.push(child);
      queue.push(child.spanId);
    }
  }
  return out;
}

export function breakdown(
  spans: readonly DecodedSpan[],
  service: string,
  isRequest: (root: DecodedSpan) => boolean,
  components: readonly Component[],
): Breakdown | undefined {
  const traces = new Map<string, DecodedSpan[]>();
  for (const span of spans) {
    if (span.service !== service) continue;
    const list = traces.get(span.traceId) ?? [];
    list.push(span);
    traces.set(span.traceId, list);
  }
  const totals: number[] = [];
  const perComponent = components.map(() => [] as number[]);
  const own: number[] = [];
  for (const traceSpans of traces.values()) {
    const ids = new Set(traceSpans.map((s) => s.spanId));
    // The top server span of this service: its parent (if any) lives in another process.
    const root = traceSpans.find((s) => s.kind === SPAN_KIND.server && !ids.has(s.parentSpanId) && isRequest(s));
    if (!root) continue;
    const byParent = new Map<string, DecodedSpan[]>();
    for (const s of traceSpans) byParent.set(s.parentSpanId, [...(byParent.get(s.parentSpanId) ?? []), s]);
    const below = descendants(root, byParent);
    const all: [number, number][] = [];
    components.forEach((component, i) => {
      const intervals = below.filter(component.matches).map((s): [number, number] => [s.startMs, s.endMs]);
      perComponent[i].push(unionLength(intervals, root.startMs, root.endMs));
      all.push(...intervals);
    });
    const total = root.endMs - root.startMs;
    totals.push(total);
    own.push(total - unionLength(all, root.startMs, root.endMs));
  }
  const totalMs = distribution(totals);
  if (!totalMs) return undefined;
  const named = [...components.map((c, i) => ({ name: c.name, values: perComponent[i] })), { name: 'own work', values: own }];
  return {
    requests: totals.length,
    totalMs,
    components: named.map(({ name, values }) => {
      const ms = distribution(values) as Distribution;
      return { name, ms, share: ms.mean / totalMs.mean };
    }),
  };
}
