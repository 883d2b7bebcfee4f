// Which errors from a callee count as an outage (they trip the breaker and, for idempotent calls,
// are retried) and which are the callee's normal answers. A domain "not found" or "invalid
// argument" says the dependency is healthy: counting it would let one bad client open the breaker
// for everyone, and retrying it can only give the same answer.

/** gRPC status codes that report a problem with the request, not with the server. */
const GRPC_CALLER_CODES = new Set([
  1, // CANCELLED: the caller gave up
  3, // INVALID_ARGUMENT
  5, // NOT_FOUND
  6, // ALREADY_EXISTS
  7, // PERMISSION_DENIED
  9, // FAILED_PRECONDITION
  10, // ABORTED: a concurrency conflict the caller resolves
  11, // OUT_OF_RANGE
  12, // UNIMPLEMENTED: a deployment mismatch; retrying or breaking cannot fix it
  16, // UNAUTHENTICATED
]);

/** HTTP 4xx that still mean "the server is struggling" and so count as failures. */
const HTTP_OVERLOAD_STATUSES = new Set([408, 429]);

function numericField(e: object, field: string): number | undefined {
  const value = (e as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : undefined;
}

/**
 * The default failure predicate: every error counts, except a gRPC error with a caller-side status
 * (shape of @grpc/grpc-js ServiceError: numeric `code` plus `details`) and an HTTP error whose
 * `status`/`statusCode` is a 4xx other than 408 and 429. Network errors (string codes such as
 * ECONNREFUSED), 5xx and UNAVAILABLE / DEADLINE_EXCEEDED / INTERNAL / UNKNOWN all count.
 */
export function defaultIsFailure(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return true;
  const grpcCode = numericField(e, 'code');
  if (grpcCode !== undefined && 'details' in e && GRPC_CALLER_CODES.has(grpcCode)) return false;
  const httpStatus = numericField(e, 'statusCode') ?? numericField(e, 'status');
  if (httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) {
    return HTTP_OVERLOAD_STATUSES.has(httpStatus);
  }
  return true;
}
