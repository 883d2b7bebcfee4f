import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  UnauthorizedException,
} from '@nestjs/common';
import { DependencyUnavailableError } from '../resilience';
import { ConflictError, NotFoundError, ValidationFailedError } from './domain-errors';
import { mapError } from './error-mapping';

describe('mapError', () => {
  it.each([
    [
      'NotFoundError',
      new NotFoundError('order o-1 not found'),
      404,
      GrpcStatus.NOT_FOUND,
      'order o-1 not found',
    ],
    ['ConflictError', new ConflictError('key reused'), 409, GrpcStatus.ALREADY_EXISTS, 'key reused'],
    [
      'ValidationFailedError',
      new ValidationFailedError('bad', ['amount must be positive']),
      400,
      GrpcStatus.INVALID_ARGUMENT,
      ['amount must be positive'],
    ],
    [
      'an open breaker',
      new DependencyUnavailableError('users', 'breaker_open'),
      503,
      GrpcStatus.UNAVAILABLE,
      expect.stringContaining('users'),
    ],
    [
      'a full bulkhead',
      new DependencyUnavailableError('users', 'bulkhead_full'),
      503,
      GrpcStatus.UNAVAILABLE,
      expect.any(String),
    ],
    [
      'a timeout',
      new DependencyUnavailableError('payments', 'timeout'),
      503,
      GrpcStatus.DEADLINE_EXCEEDED,
      expect.any(String),
    ],
    [
      'ValidationPipe errors',
      new BadRequestException(['a must be a string']),
      400,
      GrpcStatus.INVALID_ARGUMENT,
      ['a must be a string'],
    ],
    ['a guard', new ForbiddenException(), 403, GrpcStatus.PERMISSION_DENIED, 'Forbidden'],
    [
      'missing credentials',
      new UnauthorizedException('Bearer token required'),
      401,
      GrpcStatus.UNAUTHENTICATED,
      'Bearer token required',
    ],
    [
      'a 5xx HttpException',
      new HttpException('db pool exhausted at 10.0.0.3', 502),
      502,
      GrpcStatus.INTERNAL,
      'Bad Gateway',
    ],
    [
      'anything else',
      new TypeError('cannot read x of undefined'),
      500,
      GrpcStatus.INTERNAL,
      'Internal server error',
    ],
    ['a thrown string', 'oops', 500, GrpcStatus.INTERNAL, 'Internal server error'],
  ])('maps %s', (_case, error, statusCode, grpcCode, message) => {
    expect(mapError(error)).toMatchObject({ statusCode, grpcCode, message });
  });

  it('keeps Fastify client errors (bad JSON, oversize body) as 4xx', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(mapError(tooLarge)).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      unexpected: false,
    });
  });

  it('turns a downstream gRPC UNAVAILABLE into 503', () => {
    const downstream = Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
      code: GrpcStatus.UNAVAILABLE,
      metadata: {},
    });
    expect(mapError(downstream)).toMatchObject({
      statusCode: 503,
      grpcCode: GrpcStatus.UNAVAILABLE,
      message: 'A dependency is unavailable',
    });
  });

  it('flags only unexpected errors for logging with a stack', () => {
    expect(mapError(new Error('x')).unexpected).toBe(true);
    expect(mapError(new NotFoundError('x')).unexpected).toBe(false);
    expect(mapError(new DependencyUnavailableError('users', 'timeout')).unexpected).toBe(false);
  });
});
