// Target arrival rate over time: base rate × diurnal wave × burst multiplier (DESIGN.md traffic model).
import { Clock } from '../clock/clock';
import { Rng } from '../clock/rng';
import { RuntimeConfig } from '../config/runtime-config';
import { diurnalMultiplier, simulatedHour } from './diurnal';

export type TrafficSettings = Pick<RuntimeConfig, 'baseRps' | 'diurnal' | 'burst'>;

export interface BurstState {
  active: boolean;
  multiplier: number;
  /** Epoch ms when the current burst ends; null when none is active. */
  endsAt: number | null;
}

export interface TrafficSnapshot {
  rps: number;
  hour: number;
  diurnalMultiplier: number;
  burst: BurstState;
}

/** Bounds the catch-up loop after a long pause so a stale cycle clock cannot spin for hours of cycles. */
const MAX_CYCLES_PER_EVALUATION = 1_000;

export class TrafficModel {
  private burstUntil = Number.NEGATIVE_INFINITY;
  private burstMultiplier = 1;
  private nextCycleAt: number;

  constructor(
    private settings: TrafficSettings,
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {
    this.nextCycleAt = clock.now() + settings.burst.cycleSeconds * 1000;
  }

  update(settings: TrafficSettings): void {
    const cycleChanged = settings.burst.cycleSeconds !== this.settings.burst.cycleSeconds;
    this.settings = settings;
    if (cycleChanged) this.nextCycleAt = this.clock.now() + settings.burst.cycleSeconds * 1000;
  }

  /** Starts a burst now, e.g. from POST /api/burst; defaults come from the burst settings. */
  triggerBurst(
    multiplier = this.settings.burst.multiplier,
    durationSeconds = this.settings.burst.durationSeconds,
  ): BurstState {
    this.burstMultiplier = multiplier;
    this.burstUntil = this.clock.now() + durationSeconds * 1000;
    return this.burstState(this.clock.now());
  }

  /** Target arrival rate (requests per second) at the clock's current time. */
  rate(): number {
    return this.snapshot().rps;
  }

  snapshot(): TrafficSnapshot {
    const now = this.clock.now();
    this.rollBurstCycles(now);
    const hour = simulatedHour(now, this.settings.diurnal.dayMinutes);
    const diurnal = this.settings.diurnal.enabled ? diurnalMultiplier(hour) : 1;
    const burst = this.burstState(now);
    return {
      rps: this.settings.baseRps * diurnal * (burst.active ? burst.multiplier : 1),
      hour,
      diurnalMultiplier: diurnal,
      burst,
    };
  }

  private burstState(now: number): BurstState {
    const active = now < this.burstUntil;
    return {
      active,
      multiplier: active ? this.burstMultiplier : 1,
      endsAt: active ? Math.round(this.burstUntil) : null,
    };
  }

  /** One die roll per elapsed cycle boundary; a burst already running is not restarted. */
  private rollBurstCycles(now: number): void {
    const cycleMs = this.settings.burst.cycleSeconds * 1000;
    let rolls = 0;
    while (now >= this.nextCycleAt) {
      if (rolls++ >= MAX_CYCLES_PER_EVALUATION) {
        this.nextCycleAt = now + cycleMs;
        break;
      }
      const boundary = this.nextCycleAt;
      this.nextCycleAt += cycleMs;
      const roll = this.rng();
      if (boundary >= this.burstUntil && roll < this.settings.burst.probability) {
        this.burstMultiplier = this.settings.burst.multiplier;
        this.burstUntil = boundary + this.settings.burst.durationSeconds * 1000;
      }
    }
  }
}
