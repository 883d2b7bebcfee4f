// The error an injected fault throws. As a 503 HttpException it becomes 503 over HTTP and
// UNAVAILABLE over gRPC through the observability filters, like a real transient outage would.
import { ServiceUnavailableException } from '@nestjs/common';

export class InjectedFaultError extends ServiceUnavailableException {
  constructor(
    readonly service: string,
    readonly operation: string,
  ) {
    super(`${service} is temporarily unavailable (injected fault in ${operation})`, { description: 'Service Unavailable' });
    this.name = 'InjectedFaultError';
  }
}
