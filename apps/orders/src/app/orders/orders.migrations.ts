// Schema of the orders database, applied in name order by Kysely's Migrator at start-up.
// Migrations are append-only: a shipped one is never edited, a change is a new entry.
import { type Kysely, type Migration, sql } from 'kysely';

export const ordersMigrations: Record<string, Migration> = {
  '2026-11-22-001-create-orders': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('items', 'jsonb', (c) => c.notNull())
        .addColumn('total_cents', 'bigint', (c) => c.notNull().check(sql`total_cents > 0`))
        .addColumn('currency', 'char(3)', (c) => c.notNull())
        .addColumn('payment_method', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('payment_id', 'text')
        // NULLs are distinct in a unique index, so orders without the header never collide.
        .addColumn('idempotency_key', 'text', (c) => c.unique())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('orders').execute();
    },
  },
};
