import { areaOf, CpuProfile, perRequestCosts, summariseProfile, tailWindow } from './cpu-profile';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

const nodes: CpuProfile['nodes'] = [
  { id: 1, callFrame: frame('(root)', ''), children: [2, 4, 5] },
  { id: 2, callFrame: frame('onResponse', 'file:///w/dist/apps/orders/main.js', 10), children: [3] },
  { id: 3, callFrame: frame('observe', 'file:///w/node_modules/prom-client/lib/histogram.js', 5) },
  { id: 4, callFrame: frame('(idle)', '') },
  { id: 5, callFrame: frame('traceFields', 'file:///w/dist/apps/orders/main.js', 20), children: [6] },
  { id: 6, callFrame: frame('getActiveSpan', 'file:///w/node_modules/@opentelemetry/api/build/src/trace.js', 1) },
];
// Samples every 10 µs from t=100: observe ×4, idle ×3, onResponse, traceFields, getActiveSpan.
const profile: CpuProfile = { nodes, startTime: 100, endTime: 200, samples: [3, 3, 3, 3, 4, 4, 4, 2, 5, 6], timeDeltas: Array(10).fill(10) };
const sources: Record<number, string> = { 10: 'libs/observability/src/lib/metrics/http-metrics.hooks.ts', 20: 'libs/observability/src/lib/logging/logger-params.ts' };
const resolve = (_url: string, line: number) => (sources[line] ? { source: sources[line], line: 41 } : undefined);

describe('summariseProfile', () => {
  it('charges each sample the time since the previous one, by area and function, idle left out', () => {
    const summary = summariseProfile(profile, resolve);
    expect(summary.busyUs).toBe(70);
    expect(summary.areas).toEqual([
      { area: 'prom-client', selfUs: 40 },
      { area: 'libs/observability', selfUs: 20 },
      { area: '@opentelemetry/api', selfUs: 10 },
    ]);
    expect(summary.functions[0]).toEqual({ name: 'observe', location: '/w/node_modules/prom-client/lib/histogram.js:6', area: 'prom-client', selfUs: 40 });
    expect(summary.functions.map((f) => f.location)).toContain('libs/observability/src/lib/logging/logger-params.ts:42');
  });

  it('counts only the samples inside a time window when given one', () => {
    // t = 110 … 200; the window 175–195 holds onResponse (180) and traceFields (190).
    const summary = summariseProfile(profile, resolve, { fromUs: 175, toUs: 195 });
    expect(summary.busyUs).toBe(20);
    expect(summary.areas).toEqual([{ area: 'libs/observability', selfUs: 20 }]);
    // Several windows add up: 115–125 (observe at 120) and 185–195 (traceFields at 190).
    const split = summariseProfile(profile, resolve, [{ fromUs: 115, toUs: 125 }, { fromUs: 185, toUs: 195 }]);
    expect(split.areas).toEqual([
      { area: 'prom-client', selfUs: 10 },
      { area: 'libs/observability', selfUs: 10 },
    ]);
  });

  it('takes a window over the last seconds of the samples', () => {
    const long: CpuProfile = { ...profile, startTime: 0, timeDeltas: Array(10).fill(1_000_000) };
    expect(tailWindow(long, 4, 1)).toEqual({ fromUs: 5_000_000, toUs: 9_000_000 });
    expect(tailWindow({ ...profile, timeDeltas: undefined }, 4)).toBeUndefined();
  });

  it('falls back to hit counts when the profile has no sample list', () => {
    const hits: CpuProfile = { nodes: nodes.map((n) => ({ ...n, hitCount: n.id === 3 ? 3 : n.id === 4 ? 1 : 0 })), startTime: 0, endTime: 40 };
    expect(summariseProfile(hits).busyUs).toBe(30);
  });
});

describe('perRequestCosts', () => {
  it('divides by requests and ranks by what the last profile adds over the first', () => {
    const base = { busyUs: 1000, areas: [{ area: 'fastify', selfUs: 1000 }], functions: [] };
    const full = { busyUs: 3000, areas: [{ area: 'fastify', selfUs: 1000 }, { area: 'pino', selfUs: 2000 }], functions: [] };
    const rows = perRequestCosts([{ summary: base, requests: 10 }, { summary: full, requests: 5 }], 'area');
    expect(rows).toEqual([
      { key: 'pino', perRequestUs: [0, 400] },
      { key: 'fastify', perRequestUs: [100, 200] },
    ]);
  });
});

describe('areaOf', () => {
  it('names areas by package (scoped too), node core, or repository folder', () => {
    expect(areaOf('/w/node_modules/@fastify/otel/index.js:1', 'x')).toBe('@fastify/otel');
    expect(areaOf('/w/node_modules/pino/lib/proto.js:1', 'x')).toBe('pino');
    expect(areaOf('node:internal/http:1', 'x')).toBe('node core');
    expect(areaOf('libs/observability/src/a.ts:1', 'x')).toBe('libs/observability');
    expect(areaOf('', '(garbage collector)')).toBe('(garbage collector)');
  });
});
