// The fraud-check dependency: simulated in process, but called like a remote one, behind its own
// resilience policy so a slow or failing checker opens its breaker instead of stalling payments.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { FaultInjector } from '@obs/faults';
import { type DependencyPolicy, ResilienceRegistry } from '@obs/observability';
import { normalSample, RANDOM, type RandomSource, sleep } from './random';

export const FRAUD_CHECK_TARGET = 'fraud-check';
/** DESIGN.md: the fraud check fails ~3% of the time. */
export const FRAUD_REJECT_RATE = 0.03;
const CHECK_LATENCY_MS = { mean: 30, sd: 10 };

export type FraudVerdict = 'pass' | 'reject' | 'unavailable';

@Injectable()
export class FraudCheckClient {
  private readonly logger = new Logger(FraudCheckClient.name);
  private readonly policy: DependencyPolicy;

  constructor(
    registry: ResilienceRegistry,
    private readonly faults: FaultInjector,
    @Inject(RANDOM) private readonly random: RandomSource,
  ) {
    this.policy = registry.policy(FRAUD_CHECK_TARGET, {
      timeoutMs: 1_000,
      breaker: { consecutiveFailures: 5, halfOpenAfterMs: 10_000 },
      bulkhead: { maxConcurrent: 50, maxQueue: 100 },
      // A check is a read: asking twice cannot charge anyone.
      retry: { maxAttempts: 2, initialDelayMs: 50, maxDelayMs: 200 },
    });
  }

  /** Never throws: an unavailable checker fails closed (the payment is not charged). */
  async check(orderId: string, amountCents: number): Promise<FraudVerdict> {
    try {
      return await this.policy.execute((signal) => this.simulate(signal), { idempotent: true });
    } catch (error) {
      this.logger.warn({ orderId, amountCents, err: error }, 'fraud check unavailable; failing closed');
      return 'unavailable';
    }
  }

  private async simulate(signal: AbortSignal): Promise<FraudVerdict> {
    const settings = this.faults.current();
    if (settings.profile === 'none') return 'pass';
    await sleep(normalSample(this.random, CHECK_LATENCY_MS.mean, CHECK_LATENCY_MS.sd) * settings.latencyMultiplier, signal);
    if (this.random() >= FRAUD_REJECT_RATE) return 'pass';
    this.faults.markInjected('fraud_check_failed');
    return 'reject';
  }
}
