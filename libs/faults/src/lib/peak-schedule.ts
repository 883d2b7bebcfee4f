// When peaks happen: windows of PEAK.durationMs separated by random gaps of 1–3 minutes, computed
// from the clock on demand (no timers), so a test can jump the clock across windows.
import { PEAK } from './fault-profiles';
import { Clock, RandomSource, uniform } from './random';

export class PeakSchedule {
  private nextStart: number | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {}

  /** Whether a peak window covers now. Starts the schedule (first peak 1–3 min away) on first use. */
  isActive(): boolean {
    const now = this.clock();
    this.nextStart ??= now + this.gap();
    while (now >= this.nextStart + PEAK.durationMs) this.nextStart += PEAK.durationMs + this.gap();
    return now >= this.nextStart;
  }

  /** Forget the schedule: the next enablement starts with a fresh gap instead of an instant peak. */
  reset(): void {
    this.nextStart = undefined;
  }

  private gap(): number {
    return uniform(this.random, PEAK.gapMinMs, PEAK.gapMaxMs);
  }
}
