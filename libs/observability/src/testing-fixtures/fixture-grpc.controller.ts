// The gRPC side of the hybrid fixture app (fixture.proto).
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { PinoLogger } from 'nestjs-pino';
import { NotFoundError, ValidationFailedError } from '../lib/errors/domain-errors';
import { DependencyUnavailableError } from '../lib/resilience';

@Controller()
export class FixtureGrpcController {
  constructor(private readonly logger: PinoLogger) {}

  @GrpcMethod('ItemsService', 'GetItem')
  async getItem({ id }: { id: string }): Promise<{ id: string; name: string }> {
    if (!id) throw new ValidationFailedError('id is required');
    if (id.startsWith('slow-')) {
      // "slow-<ms>": an in-flight call for the graceful shutdown test.
      this.logger.info({ id }, 'slow call started');
      await new Promise((resolve) => setTimeout(resolve, Math.min(Number(id.slice(5)) || 0, 30_000)));
    }
    if (id === 'missing') throw new NotFoundError(`item ${id} not found`);
    if (id === 'down') throw new DependencyUnavailableError('inventory', 'timeout');
    return { id, name: `item ${id}` };
  }
}
