// The JSON the bench writes (docs/benchmarks.json) and the Markdown report reads.
import type { Breakdown } from './breakdown';
import type { CostDelta } from './cpu-profile';
import type { LoadSummary, Machine } from './machine';

export interface ClientRun {
  /** 2xx responses per second over the measured window. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface VariantResult {
  id: string;
  label: string;
  /** How the process was started (preload, env), for the reproduction table. */
  how: string;
  /** Per endpoint: one run per round, in round order. */
  runs: Record<string, ClientRun[]>;
}

export interface OverheadResult {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  rounds: number;
  /** The variant ratios are taken against (the first measured one). */
  baseline: string;
  endpoints: string[];
  variants: VariantResult[];
  /** What the shared OTLP receiver got over the whole run, per signal. */
  exporter: Record<string, { requests: number; bytes: number }>;
  logBytes: Record<string, number>;
}

export interface BreakdownResult {
  rps: number;
  seconds: number;
  statuses: Record<string, number>;
  /** Spans each service exported per POST /api/orders, by variant. */
  spansPerRequest?: Record<string, number>;
  fromSpans?: Breakdown & { variant: string };
  fromHistograms?: { variant: string; requests: number; totalMs?: number; usersMs?: number; paymentsMs?: number; restMs?: number };
}

export interface LoadgenRun {
  offeredRps: number;
  achievedRps: number;
  /** Median per-second achieved rate after the warm-up seconds. */
  steadyRps?: number;
  completed: number;
  dropped: number;
  errors: number;
  lagP99Ms: number;
  latencyP99Ms: number;
}

export interface LoadgenResult {
  seconds: number;
  warmupSeconds: number;
  runs: LoadgenRun[];
  loadgenMaxRps: number;
  autocannon: { connections: number; rps: number; p99Ms: number };
  /** The CLI's own CPU at the highest rate, steady part only: share of busy CPU per area / function. */
  profile?: { offeredRps: number; busyMs: number; areas: { area: string; share: number }[]; functions: { name: string; location: string; share: number }[] };
}

export interface FootprintRow {
  app: string;
  readyMs: number;
  idleMiB?: number;
  loadMiB?: number;
  loadDescription: string;
}

export interface BenchResult {
  generatedAt: string;
  command: string;
  durationSeconds: number;
  machine: Machine;
  load: LoadSummary;
  overhead?: OverheadResult;
  breakdown?: BreakdownResult;
  loadgen?: LoadgenResult;
  footprint?: FootprintRow[];
  profile?: ProfileResult;
  allocation?: AllocationResult;
  /** The exact commands behind each part, for the reproduction section. */
  commands: Record<string, string>;
  notes: string[];
}

export interface AllocationResult {
  /** The node flags each variant ran with for this measurement. */
  nodeOptions: string[];
  connections: number;
  warmupRequests: number;
  /** Requests measured per variant and endpoint. */
  requests: number;
  variants: {
    id: string;
    label: string;
    /** Per endpoint: heap bytes allocated per request (KiB) and the collections they were summed over. */
    endpoints: Record<string, { kibPerRequest: number; collections: number }>;
  }[];
}

export interface ProfileResult {
  seconds: number;
  connections: number;
  variants: { id: string; label: string; requests: number; busyUsPerRequest: number }[];
  /** Per-request self CPU (µs) of each area / function, one number per variant in `variants` order. */
  areas: CostDelta[];
  functions: CostDelta[];
}
