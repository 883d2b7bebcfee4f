// Table shapes of the orders database, for Kysely's typed queries. Money is integer cents (bigint,
// returned by pg as a string); items are a JSON document because they are always read whole.
import type { ColumnType, Generated } from 'kysely';

export type StoredOrderStatus = 'pending' | 'paid' | 'payment_failed';

export interface StoredOrderItem {
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface OrdersTable {
  id: string;
  /** Insertion order, the cursor of GET /api/orders. */
  seq: Generated<string>;
  user_id: string;
  items: ColumnType<StoredOrderItem[], string, string>;
  total_cents: ColumnType<string, number, number>;
  currency: string;
  payment_method: string;
  status: StoredOrderStatus;
  payment_id: string | null;
  /** The client's Idempotency-Key header, unique when present. */
  idempotency_key: string | null;
  /** Fingerprint of the request body: a repeat with the same key and another body is a 409. */
  request_hash: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface OrdersDatabase {
  orders: OrdersTable;
}
