// The Idempotency-Key header: required on POST /api/payments, bounded and restricted to safe
// characters so it can be stored, logged and compared without surprises.
import { IDEMPOTENCY_KEY_PATTERN } from '@obs/contracts';
import { ValidationFailedError } from '@obs/observability';

export function requireIdempotencyKey(header: string | string[] | undefined): string {
  if (header === undefined || header === '') throw new ValidationFailedError('Idempotency-Key header is required');
  if (Array.isArray(header)) throw new ValidationFailedError('Idempotency-Key header must be sent once');
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new ValidationFailedError('Idempotency-Key must be 1-128 characters of letters, digits, _ . : - (starting with a letter or digit)');
  }
  return header;
}
