// Wires the core together: traffic model → open-loop scheduler → planner (mix + bodies) → traced
// HTTP client → stats and telemetry. Used by both the server (long-running, controllable) and the CLI.
import { Tracer } from '@opentelemetry/api';
import { Clock, systemClock } from '../clock/clock';
import { createRng, Rng } from '../clock/rng';
import { applyConfigPatch, RuntimeConfig } from '../config/runtime-config';
import { TracedHttpClient } from '../http/traced-http-client';
import { PlannedRequest } from '../mix/scenarios';
import { Arrival, DropReason, OpenLoopScheduler } from '../scheduler/open-loop-scheduler';
import { IntervalReport, RunStats, RunSummary } from '../stats/run-stats';
import { LoadgenTelemetry, noopTelemetry } from '../telemetry/loadgen-telemetry';
import { BurstState, TrafficModel, TrafficSnapshot } from '../traffic/traffic-model';
import { RequestPlanner } from './planners';

export interface ProgressReport extends IntervalReport {
  elapsedSeconds: number;
  offeredRps: number;
  achievedRps: number;
  inFlight: number;
}

export interface LoadEngineOptions {
  config: RuntimeConfig;
  /** Builds a planner once the engine's RNG exists (the mix and bodies draw from it). */
  planner: (rng: Rng) => RequestPlanner;
  clock?: Clock;
  rng?: Rng;
  telemetry?: LoadgenTelemetry;
  tracer?: Tracer;
  /** Arrivals stop this long after start() (CLI --duration); unbounded when absent. */
  durationMs?: number;
  startPaused?: boolean;
  onProgress?: (report: ProgressReport) => void;
}

export interface EngineStatus {
  running: boolean;
  paused: boolean;
  traffic: TrafficSnapshot;
  offered: number;
  sent: number;
  dropped: number;
  inFlight: number;
}

export class LoadEngine {
  private config: RuntimeConfig;
  private readonly clock: Clock;
  private readonly rng: Rng;
  private readonly model: TrafficModel;
  private readonly planner: RequestPlanner;
  private readonly client: TracedHttpClient;
  private readonly scheduler: OpenLoopScheduler;
  private readonly telemetry: LoadgenTelemetry;
  private readonly stats = new RunStats();
  private paused: boolean;
  private progressTimer: NodeJS.Timeout | undefined;
  private startedAt: number | undefined;
  private lastProgressAt = 0;

  constructor(private readonly options: LoadEngineOptions) {
    this.config = options.config;
    this.clock = options.clock ?? systemClock;
    this.rng = options.rng ?? createRng();
    this.telemetry = options.telemetry ?? noopTelemetry;
    this.paused = options.startPaused ?? false;
    this.model = new TrafficModel(this.config, this.clock, this.rng);
    this.planner = options.planner(this.rng);
    this.planner.configure(this.config);
    this.client = new TracedHttpClient({
      connectionsPerOrigin: this.config.maxConcurrency,
      timeoutMs: () => this.config.timeoutMs,
      tracer: options.tracer,
    });
    this.scheduler = new OpenLoopScheduler({
      clock: this.clock,
      rate: () => (this.paused ? 0 : this.model.rate()),
      maxConcurrency: () => this.config.maxConcurrency,
      dispatch: (arrival) => this.dispatch(arrival),
      onDrop: (reason) => this.recordDrop(reason),
    });
  }

  /** Resolves when a run with an end time has scheduled its last arrival (or stop() was called). */
  get scheduled(): Promise<void> {
    return this.scheduler.finished;
  }

  start(): void {
    if (this.startedAt !== undefined) return;
    this.startedAt = this.clock.now();
    this.lastProgressAt = this.startedAt;
    if (this.options.durationMs !== undefined)
      this.scheduler.endAt = this.startedAt + this.options.durationMs;
    this.scheduler.start();
    this.telemetry.rates(this.paused ? 0 : this.model.rate(), 0);
    this.progressTimer = setInterval(() => this.reportProgress(), 1_000);
  }

  /** Stops scheduling, lets requests in flight finish for up to drainMs, then aborts the rest. */
  async stop(drainMs = 5_000): Promise<RunSummary> {
    this.scheduler.stop();
    if (this.progressTimer) clearInterval(this.progressTimer);
    this.progressTimer = undefined;
    await this.scheduler.drain(drainMs);
    // Destroying the pools fails whatever is still in flight. (Not one AbortSignal shared by every
    // request: undici adds and removes a listener on it per request, a linear scan over thousands.)
    await this.client.close();
    await this.scheduler.drain(1_000);
    if (this.startedAt !== undefined && this.clock.now() - this.lastProgressAt >= 500) this.reportProgress();
    return this.summary();
  }

  summary(): RunSummary {
    const end = Math.min(this.clock.now(), this.scheduler.endAt ?? Number.POSITIVE_INFINITY);
    return this.stats.summary(this.startedAt === undefined ? 0 : Math.max(0, end - this.startedAt) / 1000);
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  burst(multiplier?: number, durationSeconds?: number): BurstState {
    return this.model.triggerBurst(multiplier, durationSeconds);
  }

  getConfig(): RuntimeConfig {
    return structuredClone(this.config);
  }

  /** Validates and applies a partial config; throws ConfigValidationError on bad values. */
  updateConfig(patch: unknown): RuntimeConfig {
    const next = applyConfigPatch(this.config, patch);
    this.config = next;
    this.model.update(next);
    this.planner.configure(next);
    this.client.setConnectionsPerOrigin(next.maxConcurrency);
    return this.getConfig();
  }

  status(): EngineStatus {
    const s = this.scheduler.stats;
    return {
      running: this.scheduler.isRunning,
      paused: this.paused,
      traffic: this.model.snapshot(),
      offered: s.offered,
      sent: s.sent,
      dropped: s.dropped,
      inFlight: s.inFlight,
    };
  }

  private recordDrop(reason: DropReason): void {
    this.stats.recordDrop(reason);
    this.telemetry.dropped(reason);
  }

  private async dispatch(arrival: Arrival): Promise<void> {
    const lagMs = Math.max(0, arrival.sentAt - arrival.intendedAt);
    this.stats.recordSent(lagMs);
    this.telemetry.sent(lagMs / 1000);
    const request: PlannedRequest = this.planner.next();
    const result = await this.client.send(request);
    const done = this.clock.now();
    this.planner.observe(request, result);
    this.stats.recordCompletion({
      status: result.status,
      latencyMs: done - arrival.intendedAt,
      lagMs,
      errorCode: result.errorCode,
    });
    this.telemetry.requestCompleted({
      scenario: request.scenario,
      method: request.method,
      serverAddress: new URL(request.origin).host,
      status: result.status,
      latencySeconds: (done - arrival.intendedAt) / 1000,
      clientSeconds: (done - arrival.sentAt) / 1000,
      span: result.span,
    });
  }

  private reportProgress(): void {
    const now = this.clock.now();
    const seconds = Math.max(0.001, (now - this.lastProgressAt) / 1000);
    this.lastProgressAt = now;
    const interval = this.stats.takeInterval(seconds);
    const offeredRps = this.paused ? 0 : this.model.rate();
    const achievedRps = interval.sent / seconds;
    this.telemetry.rates(offeredRps, achievedRps);
    this.options.onProgress?.({
      ...interval,
      elapsedSeconds: (now - (this.startedAt ?? now)) / 1000,
      offeredRps,
      achievedRps,
      inFlight: this.scheduler.stats.inFlight,
    });
  }
}
