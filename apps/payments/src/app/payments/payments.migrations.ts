// Schema of the payments database, applied in name order by Kysely's Migrator at start-up.
// Migrations are append-only: a shipped one is never edited, a change is a new entry.
import { type Kysely, type Migration, sql } from 'kysely';

export const paymentsMigrations: Record<string, Migration> = {
  '2026-11-22-001-create-payments': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('payments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('amount_cents', 'bigint', (c) => c.notNull().check(sql`amount_cents > 0`))
        .addColumn('currency', 'char(3)', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        // The guarantee behind "never charges twice": the database, not the code, refuses a second row.
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('payments_order_id_idx').on('payments').column('order_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('payments').execute();
    },
  },
};
