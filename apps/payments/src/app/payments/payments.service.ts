// Idempotent money movement. A charge is identified by its idempotency key: the first call inserts
// a pending row (the unique key makes that a single winner), runs the fraud check and the gateway,
// and stores the outcome; every repeat returns that stored outcome and never charges again.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { METRICS, type PaymentDto, type PaymentMethod, type PaymentPageDto } from '@obs/contracts';
import { FaultInjector } from '@obs/faults';
import { ConflictError, MetricsService, NotFoundError } from '@obs/observability';
import { createHash, randomUUID } from 'node:crypto';
import { FraudCheckClient } from '../simulation/fraud-check.client';
import { PaymentGateway } from '../simulation/payment-gateway';
import { sleep } from '../simulation/random';
import { decodeCursor, encodeCursor } from '@obs/persistence';
import { fromCents } from './money';
import { type PaymentRow, PaymentsRepository } from './payments.repository';

export interface ChargeInput {
  orderId: string;
  amountCents: number;
  currency: string;
  method: PaymentMethod;
  idempotencyKey: string;
}

/** How long a repeat waits for the first call with its key to finish before answering 409. */
export const PENDING_WAIT = { totalMs: 5_000, pollMs: 50 };
/** A pending row untouched this long belongs to a process that died mid-charge; a repeat takes over. */
export const STALE_PENDING_MS = 30_000;

export const PAYMENTS_CLOCK = Symbol('PAYMENTS_CLOCK');

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    private readonly repo: PaymentsRepository,
    private readonly fraud: FraudCheckClient,
    private readonly gateway: PaymentGateway,
    private readonly faults: FaultInjector,
    private readonly metrics: MetricsService,
    @Inject(PAYMENTS_CLOCK) private readonly now: () => number,
  ) {}

  async charge(input: ChargeInput): Promise<PaymentDto> {
    const hash = fingerprint(input);
    const existing = await this.repo.findByIdempotencyKey(input.idempotencyKey);
    if (existing) return this.replay(existing, hash);

    // Injected faults strike before anything is stored, like a failing load balancer in front.
    await this.faults.before({ kind: 'write', name: 'payments.charge' });
    const row = await this.repo.insertPending({ id: `pay-${randomUUID()}`, ...input, requestHash: hash });
    if (row === undefined) {
      // A concurrent call with the same key won the insert between our read and our write.
      const winner = await this.repo.findByIdempotencyKey(input.idempotencyKey);
      if (winner === undefined) throw new Error('payment row vanished after an idempotency-key conflict');
      return this.replay(winner, hash);
    }
    return this.process(row);
  }

  async get(id: string): Promise<PaymentDto> {
    await this.faults.before({ kind: 'read', name: 'payments.get' });
    const row = await this.repo.findById(id);
    if (row === undefined || row.status === 'pending') throw new NotFoundError(`payment ${id} not found`);
    return toDto(row);
  }

  async list(query: { limit?: number; cursor?: string; orderId?: string }): Promise<PaymentPageDto> {
    const limit = query.limit ?? 20;
    const beforeSeq = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    await this.faults.before({ kind: 'read', name: 'payments.list' });
    const rows = await this.repo.list({ limit, beforeSeq, orderId: query.orderId });
    const page = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor(page[page.length - 1].seq) : null;
    return { items: page.map(toDto), nextCursor };
  }

  private async replay(row: PaymentRow, hash: string): Promise<PaymentDto> {
    if (row.request_hash !== hash) {
      throw new ConflictError(`idempotency key ${row.idempotency_key} was already used for a different charge`);
    }
    return row.status === 'pending' ? this.awaitFirstCall(row) : toDto(row);
  }

  private async awaitFirstCall(row: PaymentRow): Promise<PaymentDto> {
    const deadline = this.now() + PENDING_WAIT.totalMs;
    while (this.now() < deadline) {
      const claimed = await this.repo.claimStale(row.id, STALE_PENDING_MS);
      if (claimed) {
        this.logger.warn({ paymentId: row.id }, 'taking over a charge abandoned mid-way');
        return this.process(claimed);
      }
      const current = await this.repo.findById(row.id);
      if (current && current.status !== 'pending') return toDto(current);
      await sleep(PENDING_WAIT.pollMs);
    }
    throw new ConflictError(`a charge with idempotency key ${row.idempotency_key} is still in progress; retry later`);
  }

  private async process(row: PaymentRow): Promise<PaymentDto> {
    const method = row.method as PaymentMethod;
    const verdict = await this.fraud.check(row.order_id, Number(row.amount_cents));
    const status = verdict === 'pass' ? await this.gateway.authorize(method) : 'fraud_check_failed';
    const done = await this.repo.complete(row.id, status);
    this.metrics.counter(METRICS.paymentTransactions).inc({ method, status });
    if (status === 'succeeded') {
      this.metrics.counter(METRICS.paymentAmount).inc({ currency: row.currency }, fromCents(row.amount_cents));
    }
    this.logger.log({ paymentId: row.id, orderId: row.order_id, method, status }, 'payment processed');
    return toDto(done);
  }
}

function fingerprint(input: ChargeInput): string {
  const canonical = JSON.stringify([input.orderId, input.amountCents, input.currency, input.method]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function toDto(row: PaymentRow): PaymentDto {
  return {
    id: row.id,
    orderId: row.order_id,
    amount: fromCents(row.amount_cents),
    currency: row.currency,
    method: row.method as PaymentMethod,
    status: row.status as PaymentDto['status'],
    idempotencyKey: row.idempotency_key,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
