// Data access for orders. An order is inserted as pending before the charge and completed after,
// so a crash in between leaves a row a repeat (same Idempotency-Key) can finish, never a lost charge.
import { Injectable } from '@nestjs/common';
import { InjectKysely } from '@obs/persistence';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { OrdersDatabase, OrdersTable, StoredOrderItem } from './orders.tables';

export type OrderRow = Selectable<OrdersTable>;

export interface NewOrder {
  id: string;
  userId: string;
  items: StoredOrderItem[];
  totalCents: number;
  currency: string;
  paymentMethod: string;
  idempotencyKey?: string;
  requestHash: string;
}

@Injectable()
export class OrdersRepository {
  private readonly db: Kysely<OrdersDatabase>;

  constructor(@InjectKysely() db: Kysely<unknown>) {
    this.db = db as Kysely<OrdersDatabase>;
  }

  findById(id: string): Promise<OrderRow | undefined> {
    return this.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByIdempotencyKey(key: string): Promise<OrderRow | undefined> {
    return this.db.selectFrom('orders').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  }

  /** Inserts a pending order, or returns undefined when its Idempotency-Key is already taken. */
  insertPending(o: NewOrder): Promise<OrderRow | undefined> {
    return this.db
      .insertInto('orders')
      .values({
        id: o.id,
        user_id: o.userId,
        items: JSON.stringify(o.items),
        total_cents: o.totalCents,
        currency: o.currency,
        payment_method: o.paymentMethod,
        status: 'pending',
        idempotency_key: o.idempotencyKey ?? null,
        request_hash: o.requestHash,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  complete(id: string, status: 'paid' | 'payment_failed', paymentId: string): Promise<OrderRow> {
    return this.db
      .updateTable('orders')
      .set({ status, payment_id: paymentId, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Completed orders, newest first; `beforeSeq` is the cursor (exclusive); one extra row tells if more exist. */
  list(opts: { limit: number; beforeSeq?: string }): Promise<OrderRow[]> {
    let query = this.db.selectFrom('orders').selectAll().where('status', '!=', 'pending');
    if (opts.beforeSeq !== undefined) query = query.where('seq', '<', opts.beforeSeq);
    return query.orderBy('seq', 'desc').limit(opts.limit + 1).execute();
  }
}
