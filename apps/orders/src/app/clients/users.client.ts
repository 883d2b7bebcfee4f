// orders → users: ValidateUser behind its own policy. Validation is a read, so retries are safe.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ClientGrpc } from '@nestjs/microservices';
import { PROTO_PACKAGES } from '@obs/contracts';
import { type DependencyPolicy, MetricsService, ResilienceRegistry } from '@obs/observability';
import { ORDERS_CONFIG, type OrdersConfig } from '../config';
import { callUnary, grpcCode, type UnaryMethod } from './grpc-call';
import { USERS_GRPC } from './grpc-clients';

export const USERS_TARGET = 'users';

interface UsersServiceClient {
  validateUser: UnaryMethod<{ userId: string }, { userId: string; valid: boolean; reason: string }>;
}

export interface UserValidation {
  valid: boolean;
  /** not_found | locked when invalid. */
  reason: string;
}

const GRPC_NOT_FOUND = 5;

@Injectable()
export class UsersClient implements OnModuleInit {
  private service!: UsersServiceClient;
  private readonly policy: DependencyPolicy;

  constructor(
    @Inject(USERS_GRPC) private readonly client: ClientGrpc,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
    private readonly metrics: MetricsService,
    registry: ResilienceRegistry,
  ) {
    this.policy = registry.policy(USERS_TARGET, {
      timeoutMs: config.USERS_TIMEOUT_MS,
      breaker: { consecutiveFailures: config.BREAKER_CONSECUTIVE_FAILURES, halfOpenAfterMs: config.BREAKER_HALF_OPEN_MS },
      bulkhead: { maxConcurrent: 50, maxQueue: 100 },
      retry: { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 500 },
    });
  }

  onModuleInit(): void {
    this.service = this.client.getService<UsersServiceClient>('UsersService');
  }

  async validate(userId: string): Promise<UserValidation> {
    try {
      const res = await this.policy.execute(
        (signal) =>
          callUnary(
            this.metrics,
            { service: `${PROTO_PACKAGES.users}.UsersService`, method: 'ValidateUser' },
            this.service.validateUser.bind(this.service),
            { userId },
            signal,
            this.config.USERS_TIMEOUT_MS,
          ),
        { idempotent: true },
      );
      return { valid: res.valid, reason: res.reason };
    } catch (error) {
      // users may answer an unknown id with NOT_FOUND instead of valid=false; both mean "no such user".
      if (grpcCode(error) === GRPC_NOT_FOUND) return { valid: false, reason: 'not_found' };
      throw error;
    }
  }
}
