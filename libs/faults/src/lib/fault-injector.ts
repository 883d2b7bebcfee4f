// Injects the fault profile into a service's operations: latency before the work, then maybe an
// error. Every injected error, tail spike and peak is marked on the span and the log line.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { FaultMarker } from '@obs/observability';
import {
  EffectiveFaults,
  FaultOverrides,
  FaultProfileName,
  LATENCY,
  PEAK,
  parseProfile,
  profileFigures,
} from './fault-profiles';
import { FAULTS_OPTIONS, FaultsModuleOptions } from './fault.tokens';
import { InjectedFaultError } from './injected-fault.error';
import { PeakSchedule } from './peak-schedule';
import { Clock, defaultSleep, normal, RandomSource, Sleep, uniform } from './random';

export interface FaultOperation {
  readonly kind: 'read' | 'write';
  readonly name: string;
}

@Injectable()
export class FaultInjector {
  private readonly logger = new Logger('Faults');
  private profile: FaultProfileName;
  private overrides: FaultOverrides = {};
  readonly random: RandomSource;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly peaks: PeakSchedule;

  constructor(
    @Inject(FAULTS_OPTIONS) private readonly options: FaultsModuleOptions,
    private readonly marker: FaultMarker,
  ) {
    this.profile = parseProfile((options.env ?? process.env)['FAULT_PROFILE']);
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.peaks = new PeakSchedule(this.clock, this.random);
  }

  current(): EffectiveFaults {
    const figures = profileFigures(this.profile, this.options.service);
    const peak = this.overrides.peak ?? 'auto';
    const peakScheduled = peak === 'on' || (peak === 'auto' && figures.peakScheduled);
    return {
      service: this.options.service,
      profile: this.profile,
      errorRate: this.overrides.errorRate ?? figures.errorRate,
      latencyMultiplier: this.overrides.latencyMultiplier ?? figures.latencyMultiplier,
      peak,
      peakScheduled,
      peakActive: peakScheduled && this.peaks.isActive(),
      overrides: { ...this.overrides },
    };
  }

  /** Switches the profile and replaces the overrides (absent fields fall back to the profile). */
  configure(profile: FaultProfileName | undefined, overrides: FaultOverrides): EffectiveFaults {
    const before = this.current();
    this.profile = profile ?? this.profile;
    this.overrides = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
    const after = this.current();
    if (!after.peakScheduled) this.peaks.reset();
    this.logger.log(
      `fault profile ${before.profile} -> ${after.profile} (errorRate ${after.errorRate}, ` +
        `latencyMultiplier ${after.latencyMultiplier}, peak ${after.peak})`,
    );
    return after;
  }

  /** Waits the injected latency for this operation, then fails it with the injected error rate. */
  async before(operation: FaultOperation): Promise<void> {
    const faults = this.current();
    if (faults.peakActive) {
      this.marker.markInjected('peak');
      await this.sleep(uniform(this.random, PEAK.latencyMinMs, PEAK.latencyMaxMs));
      this.maybeFail(operation, Math.max(faults.errorRate, PEAK.errorRate));
      return;
    }
    const mean = operation.kind === 'read' ? LATENCY.readMeanMs : LATENCY.writeMeanMs;
    await this.delay(mean, mean * LATENCY.jitterFraction);
    this.maybeFail(operation, faults.errorRate);
  }

  /**
   * Waits a domain-specific latency (e.g. a payment method's 150±50 ms), scaled by the profile's
   * multiplier (so nothing under `none`), with the same occasional tail spikes as before().
   */
  async delay(meanMs: number, sdMs: number): Promise<void> {
    const { latencyMultiplier } = this.current();
    if (latencyMultiplier <= 0) return;
    let ms = normal(this.random, meanMs, sdMs) * latencyMultiplier;
    if (this.random() < LATENCY.spikeProbability) {
      this.marker.markInjected('latency_spike');
      ms *= uniform(this.random, LATENCY.spikeMin, LATENCY.spikeMax);
    }
    if (ms > 0) await this.sleep(ms);
  }

  /** Marks a domain-specific injected outcome (e.g. a failed fraud check) on the span and log line. */
  markInjected(kind: string): void {
    this.marker.markInjected(kind);
  }

  private maybeFail(operation: FaultOperation, rate: number): void {
    if (rate > 0 && this.random() < rate) {
      this.marker.markInjected('error');
      throw new InjectedFaultError(this.options.service, operation.name);
    }
  }
}
