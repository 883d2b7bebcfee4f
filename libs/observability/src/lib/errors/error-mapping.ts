// One table from any thrown value to what the client sees: HTTP status, gRPC code and a message that
// is safe to show. Unknown errors become 500/INTERNAL with a generic message: no stack, no internals.
import { status as GrpcStatus } from '@grpc/grpc-js';
import { HttpException, HttpStatus } from '@nestjs/common';
import { isDependencyUnavailable } from '../resilience';
import { ConflictError, NotFoundError, ValidationFailedError } from './domain-errors';

export interface MappedError {
  readonly statusCode: number;
  /** HTTP reason phrase, e.g. "Not Found". */
  readonly error: string;
  readonly message: string | string[];
  readonly grpcCode: GrpcStatus;
  /** True for 5xx: the filter logs these with their stack (the client never sees it). */
  readonly unexpected: boolean;
}

const REASON_PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(statusCode: number): string {
  return REASON_PHRASES[statusCode] ?? (statusCode >= 500 ? 'Internal Server Error' : 'Bad Request');
}

export function grpcCodeForHttpStatus(statusCode: number): GrpcStatus {
  switch (statusCode) {
    case 400:
    case 413:
    case 415:
    case 422:
      return GrpcStatus.INVALID_ARGUMENT;
    case 401:
      return GrpcStatus.UNAUTHENTICATED;
    case 403:
      return GrpcStatus.PERMISSION_DENIED;
    case 404:
      return GrpcStatus.NOT_FOUND;
    case 409:
      return GrpcStatus.ALREADY_EXISTS;
    case 429:
      return GrpcStatus.RESOURCE_EXHAUSTED;
    case 501:
      return GrpcStatus.UNIMPLEMENTED;
    case 503:
      return GrpcStatus.UNAVAILABLE;
    case 408:
    case 504:
      return GrpcStatus.DEADLINE_EXCEEDED;
    default:
      return statusCode >= 500 ? GrpcStatus.INTERNAL : GrpcStatus.FAILED_PRECONDITION;
  }
}

function mapped(
  statusCode: number,
  message: string | string[],
  grpcCode = grpcCodeForHttpStatus(statusCode),
): MappedError {
  return { statusCode, error: reasonPhrase(statusCode), message, grpcCode, unexpected: statusCode >= 500 };
}

function httpExceptionMessage(exception: HttpException): string | string[] {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message) && message.every((m) => typeof m === 'string')) return message;
  return exception.message;
}

/** Fastify's own errors (bad JSON, oversize body, wrong content type) carry a 4xx statusCode and an FST_ code. */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : undefined;
}

/** A status from a gRPC client call (ServiceError) that means "the dependency is not there right now". */
function grpcUnavailable(error: unknown): GrpcStatus | undefined {
  if (!(error instanceof Error) || !('metadata' in error)) return undefined;
  const code = (error as { code?: unknown }).code;
  return code === GrpcStatus.UNAVAILABLE || code === GrpcStatus.DEADLINE_EXCEEDED ? code : undefined;
}

export function mapError(error: unknown): MappedError {
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    return mapped(
      statusCode,
      statusCode >= 500 && statusCode !== 503 ? reasonPhrase(statusCode) : httpExceptionMessage(error),
    );
  }
  if (error instanceof NotFoundError) return mapped(HttpStatus.NOT_FOUND, error.message);
  if (error instanceof ConflictError) return mapped(HttpStatus.CONFLICT, error.message);
  if (error instanceof ValidationFailedError) {
    return mapped(HttpStatus.BAD_REQUEST, error.problems.length > 0 ? [...error.problems] : error.message);
  }
  if (isDependencyUnavailable(error)) {
    const grpcCode = error.reason === 'timeout' ? GrpcStatus.DEADLINE_EXCEEDED : GrpcStatus.UNAVAILABLE;
    return { ...mapped(HttpStatus.SERVICE_UNAVAILABLE, error.message, grpcCode), unexpected: false };
  }
  const downstream = grpcUnavailable(error);
  if (downstream !== undefined) {
    return {
      ...mapped(HttpStatus.SERVICE_UNAVAILABLE, 'A dependency is unavailable', downstream),
      unexpected: false,
    };
  }
  const clientStatus = clientErrorStatus(error);
  if (clientStatus !== undefined) {
    return mapped(clientStatus, error instanceof Error ? error.message : reasonPhrase(clientStatus));
  }
  return mapped(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error', GrpcStatus.INTERNAL);
}
