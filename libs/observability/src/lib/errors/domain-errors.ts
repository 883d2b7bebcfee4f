// Errors domain code throws; the exception filters turn them into HTTP statuses and gRPC codes, so
// services never build error responses by hand. DependencyUnavailableError lives with resilience.
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(message: string) {
    super(message);
  }
}

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(message: string) {
    super(message);
  }
}

export class ValidationFailedError extends Error {
  override readonly name = 'ValidationFailedError';
  constructor(
    message: string,
    /** Individual problems, returned to the client as the `message` array when given. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}
