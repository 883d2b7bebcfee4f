// Table shapes of the payments database, for Kysely's typed queries. Amounts are integer cents
// (bigint) so sums never meet floating-point rounding; pg returns int8 as a string.
import type { ColumnType, Generated } from 'kysely';

export type StoredPaymentStatus = 'pending' | 'succeeded' | 'declined' | 'fraud_check_failed' | 'gateway_error';

export interface PaymentsTable {
  id: string;
  /** Insertion order, the cursor of GET /api/payments (timestamps tie within a millisecond). */
  seq: Generated<string>;
  order_id: string;
  amount_cents: ColumnType<string, number, number>;
  currency: string;
  method: string;
  status: StoredPaymentStatus;
  idempotency_key: string;
  /** Fingerprint of the charged fields: a repeat with the same key but other fields is a conflict. */
  request_hash: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface PaymentsDatabase {
  payments: PaymentsTable;
}
