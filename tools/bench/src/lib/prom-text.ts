// Reads histogram sums and counts out of the Prometheus text exposition, so the bench can take the
// mean of a histogram series between two scrapes (delta of _sum / delta of _count).

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const match = LINE.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key] = value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    const value = Number(match[3]);
    if (!Number.isNaN(value)) samples.push({ name: match[1], labels, value });
  }
  return samples;
}

export interface SumCount {
  sum: number;
  count: number;
}

/** Sum and count of a histogram over every series whose labels include `filter`. */
export function histogramSumCount(samples: readonly Sample[], metric: string, filter: Record<string, string>): SumCount {
  const matches = (s: Sample) => Object.entries(filter).every(([k, v]) => s.labels[k] === v);
  const total = (suffix: string) =>
    samples.filter((s) => s.name === `${metric}${suffix}` && matches(s)).reduce((acc, s) => acc + s.value, 0);
  return { sum: total('_sum'), count: total('_count') };
}

/** Mean observation between two scrapes, or undefined when nothing was observed in between. */
export function meanBetween(before: SumCount, after: SumCount): number | undefined {
  const count = after.count - before.count;
  return count > 0 ? (after.sum - before.sum) / count : undefined;
}
