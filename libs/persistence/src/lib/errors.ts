// Database failures a caller should see as "dependency unavailable" (HTTP 503) rather than as a bug.
import { ServiceUnavailableException } from '@nestjs/common';

/**
 * Thrown for queries that fail because Postgres is unreachable, restarting, overloaded or too slow.
 * It is an HttpException with status 503, so every Nest exception filter answers 503 with a clear
 * message instead of 500; the original error stays available as `cause` for logs.
 */
export class DatabaseUnavailableError extends ServiceUnavailableException {
  constructor(readonly reason: string, cause?: unknown) {
    super(`database unavailable: ${reason}`, { cause, description: 'Service Unavailable' });
    this.name = 'DatabaseUnavailableError';
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'EPIPE']);
// SQLSTATE: 53300 too_many_connections, 57014 query_canceled (statement_timeout),
// 57P01/57P02/57P03 admin/crash shutdown and cannot_connect_now, 3D000 database missing.
const UNAVAILABLE_SQLSTATES = new Set(['53300', '57014', '57P01', '57P02', '57P03', '3D000']);

/** The Postgres SQLSTATE (e.g. '23505') or Node network code of an error, if it has one. */
export function pgErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** 23505: a unique constraint (e.g. an idempotency key) already holds this value. */
export function isUniqueViolation(error: unknown): boolean {
  return pgErrorCode(error) === '23505';
}

export function isUnavailableError(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = pgErrorCode(error);
  if (code && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  const message = error instanceof Error ? error.message : '';
  // pg reports pool and socket failures as plain Errors without a code.
  return /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error/i.test(message);
}

/** Rewraps unavailability as DatabaseUnavailableError; every other error passes through unchanged. */
export function toDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isUnavailableError(error)) return error;
  const code = pgErrorCode(error);
  const reason = code === '57014' ? 'statement timed out' : error instanceof Error ? error.message : String(error);
  return new DatabaseUnavailableError(reason, error);
}
