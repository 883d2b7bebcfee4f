// The simulated card/bank gateway: per-method latency and decline/error outcomes from DESIGN.md,
// applied only when a fault profile is active, so `none` (tests) is fast and always succeeds.
import { Inject, Injectable } from '@nestjs/common';
import type { PaymentMethod } from '@obs/contracts';
import { FaultInjector } from '@obs/faults';
import { RANDOM, type RandomSource } from './random';

export type GatewayOutcome = 'succeeded' | 'declined' | 'gateway_error';

/** DESIGN.md "Payment methods": mean ± standard deviation in milliseconds. */
export const METHOD_LATENCY_MS: Record<PaymentMethod, { mean: number; sd: number }> = {
  credit_card: { mean: 150, sd: 50 },
  debit_card: { mean: 180, sd: 60 },
  bank_transfer: { mean: 500, sd: 200 },
  digital_wallet: { mean: 100, sd: 30 },
};

/** Business outcomes of an authorisation under `realistic`; `chaos` triples them. */
export const DECLINE_RATE = 0.03;
export const GATEWAY_ERROR_RATE = 0.01;

@Injectable()
export class PaymentGateway {
  constructor(
    private readonly faults: FaultInjector,
    @Inject(RANDOM) private readonly random: RandomSource,
  ) {}

  async authorize(method: PaymentMethod): Promise<GatewayOutcome> {
    const settings = this.faults.current();
    if (settings.profile === 'none') return 'succeeded';
    const { mean, sd } = METHOD_LATENCY_MS[method];
    await this.faults.delay(mean, sd);
    const scale = settings.profile === 'chaos' ? 3 : 1;
    const roll = this.random();
    const outcome: GatewayOutcome =
      roll < DECLINE_RATE * scale ? 'declined' : roll < (DECLINE_RATE + GATEWAY_ERROR_RATE) * scale ? 'gateway_error' : 'succeeded';
    if (outcome !== 'succeeded') this.faults.markInjected(`payment_${outcome}`);
    return outcome;
  }
}
