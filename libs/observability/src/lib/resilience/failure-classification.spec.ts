import { defaultIsFailure } from './failure-classification';
import { grpcError } from './resilience.spec-helpers';

describe('defaultIsFailure', () => {
  it.each([
    ['gRPC UNAVAILABLE', grpcError(14, 'down')],
    ['gRPC DEADLINE_EXCEEDED', grpcError(4, 'slow')],
    ['gRPC INTERNAL', grpcError(13, 'bug')],
    ['HTTP 503', Object.assign(new Error('x'), { statusCode: 503 })],
    ['HTTP 429', Object.assign(new Error('x'), { status: 429 })],
    ['a network error', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a plain error', new Error('boom')],
    ['a thrown string', 'boom'],
  ])('counts %s as a failure', (_what, error) => {
    expect(defaultIsFailure(error)).toBe(true);
  });

  it.each([
    ['gRPC NOT_FOUND', grpcError(5, 'no such order')],
    ['gRPC INVALID_ARGUMENT', grpcError(3, 'bad id')],
    ['gRPC ALREADY_EXISTS', grpcError(6, 'duplicate')],
    ['gRPC FAILED_PRECONDITION', grpcError(9, 'not payable')],
    ['gRPC UNAUTHENTICATED', grpcError(16, 'token')],
    ['HTTP 404', Object.assign(new Error('x'), { statusCode: 404 })],
    ['HTTP 409', Object.assign(new Error('x'), { status: 409 })],
  ])('does not count %s: the dependency answered', (_what, error) => {
    expect(defaultIsFailure(error)).toBe(false);
  });
});
