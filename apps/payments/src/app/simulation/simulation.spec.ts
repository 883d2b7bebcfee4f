// The simulated gateway and fraud check: silent under `none`, DESIGN.md outcomes otherwise, with
// randomness pinned so each outcome is reached on purpose.
import { FaultInjector, type RandomSource } from '@obs/faults';
import { FaultMarker, ResilienceRegistry } from '@obs/observability';
import type { PinoLogger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { FraudCheckClient } from './fraud-check.client';
import { DECLINE_RATE, GATEWAY_ERROR_RATE, PaymentGateway } from './payment-gateway';

const quietLogger = { assign: () => undefined } as unknown as PinoLogger;

function injector(profile: 'none' | 'realistic' | 'chaos'): FaultInjector {
  // random 0.5: normal latency draw, never a tail spike; sleep resolves at once so specs stay fast.
  return new FaultInjector(
    { service: 'payments', env: { FAULT_PROFILE: profile }, random: () => 0.5, sleep: async () => undefined },
    new FaultMarker(quietLogger),
  );
}

const fixed = (value: number): RandomSource => () => value;

describe('PaymentGateway', () => {
  it('always succeeds under the none profile', async () => {
    await expect(new PaymentGateway(injector('none'), fixed(0)).authorize('credit_card')).resolves.toBe('succeeded');
  });

  it.each([
    [DECLINE_RATE / 2, 'declined'],
    [DECLINE_RATE + GATEWAY_ERROR_RATE / 2, 'gateway_error'],
    [0.5, 'succeeded'],
  ])('under realistic, a roll of %d gives %s', async (roll, outcome) => {
    await expect(new PaymentGateway(injector('realistic'), fixed(roll)).authorize('bank_transfer')).resolves.toBe(outcome);
  });

  it('declines more often under chaos', async () => {
    const roll = DECLINE_RATE * 2;
    await expect(new PaymentGateway(injector('realistic'), fixed(roll)).authorize('debit_card')).resolves.toBe('succeeded');
    await expect(new PaymentGateway(injector('chaos'), fixed(roll)).authorize('debit_card')).resolves.toBe('declined');
  });
});

describe('FraudCheckClient', () => {
  const logger = { info: () => undefined, warn: () => undefined };
  const client = (profile: 'none' | 'realistic', roll: number) =>
    new FraudCheckClient(new ResilienceRegistry(new Registry(), logger), injector(profile), fixed(roll));

  it('passes everything under none', async () => {
    await expect(client('none', 0).check('ord-1', 100)).resolves.toBe('pass');
  });

  it('rejects about 3% under realistic', async () => {
    await expect(client('realistic', 0.01).check('ord-1', 100)).resolves.toBe('reject');
    await expect(client('realistic', 0.9).check('ord-1', 100)).resolves.toBe('pass');
  });
});
