// Open-loop arrivals: requests are launched at the target rate whatever the targets' latency, so a
// slow service cannot slow the generator down (no coordinated omission). Each arrival has an intended
// time; latency is measured from it. Past the concurrency cap an arrival is dropped and counted,
// never queued, so a slow or dead target cannot grow memory without bound.
import { Clock } from '../clock/clock';

export type DropReason = 'concurrency_limit' | 'behind_schedule';

export interface Arrival {
  /** Epoch ms at which the request should have been sent. */
  intendedAt: number;
  /** Epoch ms at which it was actually handed to dispatch. */
  sentAt: number;
}

export interface SchedulerOptions {
  clock: Clock;
  /** Target arrival rate (per second) now; 0 pauses arrivals without building a backlog. */
  rate: () => number;
  maxConcurrency: () => number;
  /** Sends one request; must settle (it is awaited only to track concurrency). */
  dispatch: (arrival: Arrival) => Promise<unknown>;
  onDrop?: (reason: DropReason, arrival: Arrival) => void;
  /** Arrivals later than this are dropped as behind_schedule instead of sent in a catch-up flood. */
  maxLagMs?: number;
  /** Longest sleep between ticks, so a rate change is picked up promptly. */
  maxSleepMs?: number;
}

export interface SchedulerCounters {
  /** Arrivals the schedule produced (sent + dropped). */
  offered: number;
  sent: number;
  dropped: number;
  inFlight: number;
}

/** Guards one tick against an unbounded loop (e.g. a clock jump with a huge rate). */
const MAX_ARRIVALS_PER_TICK = 100_000;

export class OpenLoopScheduler {
  private lastIntended: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly counters: SchedulerCounters = { offered: 0, sent: 0, dropped: 0, inFlight: 0 };
  private finishedResolve: (() => void) | undefined;
  readonly finished: Promise<void>;
  /** No arrival is scheduled at or after this epoch ms (CLI runs with a duration). */
  endAt: number | undefined;

  constructor(private readonly options: SchedulerOptions) {
    this.finished = new Promise((resolve) => (this.finishedResolve = resolve));
  }

  get stats(): Readonly<SchedulerCounters> {
    return { ...this.counters, inFlight: this.pending.size };
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop();
  }

  /** Stops scheduling; requests in flight keep running (see drain). */
  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.finishedResolve?.();
  }

  /** Resolves when every request in flight has settled, or after timeoutMs. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = this.options.clock.now() + timeoutMs;
    while (this.pending.size > 0) {
      const left = deadline - this.options.clock.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.pending]),
        new Promise((r) => (timer = setTimeout(r, left))),
      ]);
      clearTimeout(timer);
    }
    return true;
  }

  /** Launches every arrival due by now; returns the epoch ms of the next one (undefined if none). */
  tick(): number | undefined {
    const now = this.options.clock.now();
    const { maxLagMs = 2_000 } = this.options;
    const endAt = this.endAt;
    for (let i = 0; i < MAX_ARRIVALS_PER_TICK; i++) {
      const rate = this.options.rate();
      if (!(rate > 0)) {
        // Paused or zero rate: forget the schedule so resuming starts now rather than with a backlog.
        this.lastIntended = undefined;
        return undefined;
      }
      const next = this.lastIntended === undefined ? now : this.lastIntended + 1000 / rate;
      if (endAt !== undefined && next >= endAt) {
        this.stop();
        return undefined;
      }
      if (next > now) return next;
      this.lastIntended = next;
      this.fire({ intendedAt: next, sentAt: now }, now - next > maxLagMs);
    }
    return now;
  }

  private fire(arrival: Arrival, late: boolean): void {
    this.counters.offered += 1;
    if (late || this.pending.size >= this.options.maxConcurrency()) {
      this.counters.dropped += 1;
      this.options.onDrop?.(late ? 'behind_schedule' : 'concurrency_limit', arrival);
      return;
    }
    this.counters.sent += 1;
    const request = this.options
      .dispatch(arrival)
      .catch(() => undefined)
      .finally(() => this.pending.delete(request));
    this.pending.add(request);
  }

  private loop(): void {
    if (!this.running) return;
    const next = this.tick();
    if (!this.running) return;
    const maxSleep = this.options.maxSleepMs ?? 20;
    const wait =
      next === undefined ? maxSleep : Math.min(maxSleep, Math.max(0, next - this.options.clock.now()));
    this.timer = setTimeout(() => this.loop(), wait);
  }
}
