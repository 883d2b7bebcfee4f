// The optional Idempotency-Key header of POST /api/orders: bounded and restricted to safe characters.
import { IDEMPOTENCY_KEY_PATTERN } from '@obs/contracts';
import { ValidationFailedError } from '@obs/observability';

export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) throw new ValidationFailedError('Idempotency-Key header must be sent once');
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new ValidationFailedError('Idempotency-Key must be 1-128 characters of letters, digits, _ . : - (starting with a letter or digit)');
  }
  return header;
}
