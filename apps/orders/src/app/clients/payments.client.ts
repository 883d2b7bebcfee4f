// orders → payments: Charge behind its own policy. Charging is not naturally idempotent; it is safe
// to retry here ONLY because every charge carries an idempotency key derived from the order id, and
// payments stores at most one payment per key (a unique column) and returns it to every repeat.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ClientGrpc } from '@nestjs/microservices';
import { PROTO_PACKAGES, type PaymentMethod } from '@obs/contracts';
import { type DependencyPolicy, DependencyUnavailableError, MetricsService, ResilienceRegistry } from '@obs/observability';
import { ORDERS_CONFIG, type OrdersConfig } from '../config';
import { callUnary, grpcCode, type UnaryMethod } from './grpc-call';
import { PAYMENTS_GRPC } from './grpc-clients';

export const PAYMENTS_TARGET = 'payments';
const GRPC_ALREADY_EXISTS = 6;

export interface ChargeRequest {
  orderId: string;
  amount: string;
  currency: string;
  method: PaymentMethod;
  idempotencyKey: string;
}

export interface ChargeResult {
  id: string;
  status: string;
}

interface PaymentsServiceClient {
  charge: UnaryMethod<ChargeRequest, ChargeResult>;
}

/** The idempotency key of an order's charge: one order can never be charged twice. */
export function chargeKeyFor(orderId: string): string {
  return `order:${orderId}`;
}

@Injectable()
export class PaymentsClient implements OnModuleInit {
  private service!: PaymentsServiceClient;
  private readonly policy: DependencyPolicy;

  constructor(
    @Inject(PAYMENTS_GRPC) private readonly client: ClientGrpc,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
    private readonly metrics: MetricsService,
    registry: ResilienceRegistry,
  ) {
    this.policy = registry.policy(PAYMENTS_TARGET, {
      timeoutMs: config.PAYMENTS_TIMEOUT_MS,
      breaker: { consecutiveFailures: config.BREAKER_CONSECUTIVE_FAILURES, halfOpenAfterMs: config.BREAKER_HALF_OPEN_MS },
      bulkhead: { maxConcurrent: 50, maxQueue: 100 },
      retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1_000 },
    });
  }

  onModuleInit(): void {
    this.service = this.client.getService<PaymentsServiceClient>('PaymentsService');
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    try {
      return await this.execute(request);
    } catch (error) {
      // ALREADY_EXISTS: payments is still processing the first call with this key. For the client
      // that is "try again shortly" (503), and a repeat with the same Idempotency-Key will finish it.
      if (grpcCode(error) === GRPC_ALREADY_EXISTS) throw new DependencyUnavailableError(PAYMENTS_TARGET, 'timeout', { cause: error });
      throw error;
    }
  }

  private execute(request: ChargeRequest): Promise<ChargeResult> {
    return this.policy.execute(
      (signal) =>
        callUnary(
          this.metrics,
          { service: `${PROTO_PACKAGES.payments}.PaymentsService`, method: 'Charge' },
          this.service.charge.bind(this.service),
          request,
          signal,
          this.config.PAYMENTS_TIMEOUT_MS,
        ),
      // Idempotent because of request.idempotencyKey (see the file comment), not by nature.
      { idempotent: true },
    );
  }
}
