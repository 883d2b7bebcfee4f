// Amounts travel as decimals (REST numbers, gRPC strings) and are stored as integer cents.
import { MAX_PAYMENT_AMOUNT } from '@obs/contracts';
import { ValidationFailedError } from '@obs/observability';

export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

export function fromCents(cents: number | string): number {
  return Number(cents) / 100;
}

/** Parses the gRPC decimal string ("12.34"): positive, at most two decimals, within the REST bound. */
export function parseDecimalAmount(value: string): number {
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(value)) {
    throw new ValidationFailedError('amount must be a positive decimal string with at most 2 decimals');
  }
  const cents = toCents(Number(value));
  if (cents < 1 || cents > MAX_PAYMENT_AMOUNT * 100) {
    throw new ValidationFailedError(`amount must be between 0.01 and ${MAX_PAYMENT_AMOUNT}`);
  }
  return cents;
}
