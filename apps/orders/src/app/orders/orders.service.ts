// Order creation: validate the user (users, gRPC), store a pending order, charge it (payments, gRPC,
// idempotency key derived from the order id) and store the final status. A repeat with the same
// Idempotency-Key returns the stored order, or finishes a pending one with the same charge key.
import { Injectable, Logger } from '@nestjs/common';
import { type CreateOrderDto, METRICS, type OrderDto, type OrderPageDto, type PaymentMethod } from '@obs/contracts';
import { FaultInjector } from '@obs/faults';
import { ConflictError, MetricsService, NotFoundError, ValidationFailedError } from '@obs/observability';
import { createHash, randomUUID } from 'node:crypto';
import { chargeKeyFor, PaymentsClient } from '../clients/payments.client';
import { UsersClient } from '../clients/users.client';
import { decodeCursor, encodeCursor } from '@obs/persistence';
import { type OrderRow, OrdersRepository } from './orders.repository';

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  constructor(
    private readonly repo: OrdersRepository,
    private readonly users: UsersClient,
    private readonly payments: PaymentsClient,
    private readonly faults: FaultInjector,
    private readonly metrics: MetricsService,
  ) {}

  async create(dto: CreateOrderDto, idempotencyKey?: string): Promise<OrderDto> {
    const hash = fingerprint(dto);
    if (idempotencyKey !== undefined) {
      const existing = await this.repo.findByIdempotencyKey(idempotencyKey);
      if (existing) return this.replay(existing, hash);
    }

    const inProgress = this.metrics.gauge(METRICS.ordersInProgress);
    inProgress.inc();
    try {
      await this.faults.before({ kind: 'write', name: 'orders.create' });
      const user = await this.users.validate(dto.userId);
      if (!user.valid) throw new ValidationFailedError(`user ${dto.userId} cannot place orders (${user.reason || 'invalid'})`);

      const items = dto.items.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice }));
      const totalCents = items.reduce((sum, i) => sum + Math.round(i.unitPrice * 100) * i.quantity, 0);
      const row = await this.repo.insertPending({
        id: `ord-${randomUUID()}`,
        userId: dto.userId,
        items,
        totalCents,
        currency: dto.currency,
        paymentMethod: dto.paymentMethod,
        idempotencyKey,
        requestHash: hash,
      });
      if (row === undefined) {
        // A concurrent request with the same Idempotency-Key inserted first: answer as a repeat.
        const winner = await this.repo.findByIdempotencyKey(idempotencyKey as string);
        if (winner === undefined) throw new Error('order vanished after an idempotency-key conflict');
        return this.replay(winner, hash);
      }
      return await this.chargeAndComplete(row);
    } finally {
      inProgress.dec();
    }
  }

  async get(id: string): Promise<OrderDto> {
    await this.faults.before({ kind: 'read', name: 'orders.get' });
    const row = await this.repo.findById(id);
    if (row === undefined || row.status === 'pending') throw new NotFoundError(`order ${id} not found`);
    return toDto(row);
  }

  async list(query: { limit?: number; cursor?: string }): Promise<OrderPageDto> {
    const limit = query.limit ?? 20;
    const beforeSeq = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    await this.faults.before({ kind: 'read', name: 'orders.list' });
    const rows = await this.repo.list({ limit, beforeSeq });
    const page = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor(page[page.length - 1].seq) : null;
    return { items: page.map(toDto), nextCursor };
  }

  private replay(row: OrderRow, hash: string): Promise<OrderDto> | OrderDto {
    if (row.request_hash !== hash) {
      throw new ConflictError(`Idempotency-Key ${row.idempotency_key} was already used with a different request body`);
    }
    // A pending order is one whose charge never got an answer; the same charge key makes finishing it safe.
    return row.status === 'pending' ? this.chargeAndComplete(row) : toDto(row);
  }

  private async chargeAndComplete(row: OrderRow): Promise<OrderDto> {
    const payment = await this.payments.charge({
      orderId: row.id,
      amount: (Number(row.total_cents) / 100).toFixed(2),
      currency: row.currency,
      method: row.payment_method as PaymentMethod,
      idempotencyKey: chargeKeyFor(row.id),
    });
    const status = payment.status === 'succeeded' ? 'paid' : 'payment_failed';
    const done = await this.repo.complete(row.id, status, payment.id);
    this.metrics.counter(METRICS.ordersCreated).inc({ status });
    this.logger.log({ orderId: row.id, paymentId: payment.id, status }, 'order stored');
    return toDto(done);
  }
}

function fingerprint(dto: CreateOrderDto): string {
  const items = dto.items.map((i) => [i.sku, i.quantity, i.unitPrice]);
  return createHash('sha256').update(JSON.stringify([dto.userId, items, dto.currency, dto.paymentMethod])).digest('hex');
}

export function toDto(row: OrderRow): OrderDto {
  return {
    id: row.id,
    userId: row.user_id,
    items: row.items,
    total: Number(row.total_cents) / 100,
    currency: row.currency,
    status: row.status as OrderDto['status'],
    paymentId: row.payment_id ?? '',
    createdAt: new Date(row.created_at).toISOString(),
  };
}
