// Data access for payments: the unique idempotency key is enforced here by Postgres, and pending
// rows are claimed atomically so two concurrent charges with one key never both process.
import { Injectable } from '@nestjs/common';
import { InjectKysely } from '@obs/persistence';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { PaymentsDatabase, PaymentsTable, StoredPaymentStatus } from './payments.tables';

export type PaymentRow = Selectable<PaymentsTable>;

export interface NewPayment {
  id: string;
  orderId: string;
  amountCents: number;
  currency: string;
  method: string;
  idempotencyKey: string;
  requestHash: string;
}

@Injectable()
export class PaymentsRepository {
  private readonly db: Kysely<PaymentsDatabase>;

  constructor(@InjectKysely() db: Kysely<unknown>) {
    this.db = db as Kysely<PaymentsDatabase>;
  }

  findById(id: string): Promise<PaymentRow | undefined> {
    return this.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByIdempotencyKey(key: string): Promise<PaymentRow | undefined> {
    return this.db.selectFrom('payments').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  }

  /** Inserts a pending row, or returns undefined when the idempotency key is already taken. */
  insertPending(p: NewPayment): Promise<PaymentRow | undefined> {
    return this.db
      .insertInto('payments')
      .values({
        id: p.id,
        order_id: p.orderId,
        amount_cents: p.amountCents,
        currency: p.currency,
        method: p.method,
        status: 'pending',
        idempotency_key: p.idempotencyKey,
        request_hash: p.requestHash,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Takes over a pending row whose processor died (no update for `staleAfterMs`); returns the row
   * when this caller won the claim, undefined when someone else holds it or it is final.
   */
  claimStale(id: string, staleAfterMs: number): Promise<PaymentRow | undefined> {
    return this.db
      .updateTable('payments')
      .set({ updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('updated_at', '<', sql<Date>`now() - make_interval(secs => ${staleAfterMs / 1000})`)
      .returningAll()
      .executeTakeFirst();
  }

  async complete(id: string, status: Exclude<StoredPaymentStatus, 'pending'>): Promise<PaymentRow> {
    return this.db
      .updateTable('payments')
      .set({ status, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Newest first; `beforeSeq` is the cursor (exclusive). Fetches one extra row to know if more exist. */
  list(opts: { limit: number; beforeSeq?: string; orderId?: string }): Promise<PaymentRow[]> {
    let query = this.db.selectFrom('payments').selectAll().where('status', '!=', 'pending');
    if (opts.beforeSeq !== undefined) query = query.where('seq', '<', opts.beforeSeq);
    if (opts.orderId !== undefined) query = query.where('order_id', '=', opts.orderId);
    return query.orderBy('seq', 'desc').limit(opts.limit + 1).execute();
  }
}
