// Summarises a V8 .cpuprofile (node --cpu-prof) into where the CPU went, in microseconds: self time
// per package or source area and per function. Divided by the requests served in the same window,
// two profiles (e.g. variants (b) and (c)) give the per-request cost of each area and function.

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the monotonic clock (CLOCK_MONOTONIC on Linux, as process.hrtime). */
  startTime: number;
  endTime: number;
  /** Node id of each sample, and the microseconds since the previous sample (the first: since startTime). */
  samples?: number[];
  timeDeltas?: number[];
}

/** Only samples taken within [fromUs, toUs] count (or within any of several), e.g. the load windows without start-up and shutdown. */
export interface Window {
  fromUs: number;
  toUs: number;
}

/** Maps a bundle position to its original source ("libs/observability/src/…"), when a source map knows it. */
export type SourceResolver = (url: string, line: number, column: number) => { source: string; line: number } | undefined;

export interface FunctionCost {
  name: string;
  location: string;
  area: string;
  selfUs: number;
}

export interface ProfileSummary {
  /** CPU time spent not idle inside the window, in microseconds. */
  busyUs: number;
  areas: { area: string; selfUs: number }[];
  /** Every function with self time, hottest first. */
  functions: FunctionCost[];
}

const SPECIAL = new Set(['(garbage collector)', '(program)', '(root)']);

/** "@opentelemetry/sdk-trace-base", "pino", "node core", "libs/observability", "apps/orders", … */
export function areaOf(location: string, functionName: string): string {
  if (SPECIAL.has(functionName)) return functionName;
  const modules = location.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = location.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (location.startsWith('node:') || location === '') return 'node core';
  const own = /(libs|apps)\/([^/]+)\//.exec(location);
  return own ? `${own[1]}/${own[2]}` : location;
}

/**
 * Microseconds per node id: each sample inside the window is charged the time since the previous
 * sample (as DevTools does). Without samples, hit counts share the profile's duration.
 */
export function selfTimePerNode(profile: CpuProfile, window?: Window | readonly Window[]): Map<number, number> {
  const windows = window === undefined ? undefined : Array.isArray(window) ? window : [window as Window];
  const inside = (t: number) => !windows || windows.some((w) => t >= w.fromUs && t <= w.toUs);
  const time = new Map<number, number>();
  if (!profile.samples || !profile.timeDeltas) {
    const hits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
    const perHit = hits ? (profile.endTime - profile.startTime) / hits : 0;
    for (const node of profile.nodes) if (node.hitCount) time.set(node.id, node.hitCount * perHit);
    return time;
  }
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas?.[i] ?? 0;
    t += delta;
    if (inside(t)) time.set(id, (time.get(id) ?? 0) + delta);
  });
  return time;
}

/** The window covering the last `seconds` of a profile's samples, minus `marginSeconds` at the very end (shutdown). */
export function tailWindow(profile: CpuProfile, seconds: number, marginSeconds = 0.5): Window | undefined {
  if (!profile.timeDeltas) return undefined;
  const end = profile.startTime + profile.timeDeltas.reduce((sum, d) => sum + d, 0);
  return { fromUs: end - (seconds + marginSeconds) * 1e6, toUs: end - marginSeconds * 1e6 };
}

export function summariseProfile(profile: CpuProfile, resolve: SourceResolver = () => undefined, window?: Window | readonly Window[]): ProfileSummary {
  const time = selfTimePerNode(profile, window);
  const functions = new Map<string, FunctionCost>();
  const areas = new Map<string, number>();
  let busyUs = 0;
  for (const node of profile.nodes) {
    const us = time.get(node.id) ?? 0;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (us === 0 || functionName === '(idle)') continue;
    const mapped = url ? resolve(url, lineNumber, columnNumber) : undefined;
    const location = mapped ? `${mapped.source}:${mapped.line + 1}` : url ? `${url.replace(/^file:\/\//, '')}:${lineNumber + 1}` : '';
    const name = functionName || '(anonymous)';
    const area = areaOf(location, name);
    const key = `${name}@${location}`;
    const cost = functions.get(key) ?? { name, location, area, selfUs: 0 };
    cost.selfUs += us;
    functions.set(key, cost);
    areas.set(area, (areas.get(area) ?? 0) + us);
    busyUs += us;
  }
  return {
    busyUs,
    areas: [...areas.entries()].map(([area, selfUs]) => ({ area, selfUs })).sort((a, b) => b.selfUs - a.selfUs),
    functions: [...functions.values()].sort((a, b) => b.selfUs - a.selfUs),
  };
}

export interface CostDelta {
  key: string;
  /** Per request, in microseconds, for each profile compared. */
  perRequestUs: number[];
}

/**
 * Per-request self time of each area (or function) across profiles taken under the same load, e.g.
 * [(a), (b), (c)], sorted by how much the last one adds over the first.
 */
export function perRequestCosts(
  profiles: readonly { summary: ProfileSummary; requests: number }[],
  by: 'area' | 'function',
  top = 12,
): CostDelta[] {
  const keys = new Set<string>();
  const tables = profiles.map(({ summary, requests }) => {
    const table = new Map<string, number>();
    const entries = by === 'area' ? summary.areas.map((a) => [a.area, a.selfUs] as const) : summary.functions.map((f) => [`${f.name} (${f.location || f.area})`, f.selfUs] as const);
    for (const [key, us] of entries) {
      keys.add(key);
      table.set(key, (table.get(key) ?? 0) + (requests > 0 ? us / requests : 0));
    }
    return table;
  });
  const rows = [...keys].map((key) => ({ key, perRequestUs: tables.map((t) => t.get(key) ?? 0) }));
  const added = (r: CostDelta) => r.perRequestUs[r.perRequestUs.length - 1] - r.perRequestUs[0];
  return rows.sort((a, b) => added(b) - added(a)).slice(0, top);
}
