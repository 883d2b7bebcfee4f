// 400 orders (ord-1 … ord-400) for the GET benchmarks; seeding twice changes nothing.
import { Client } from 'pg';

export async function seedOrders(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`insert into orders (id, user_id, items, total_cents, currency, payment_method, status, payment_id, request_hash)
      select 'ord-' || g, 'usr-100', '[{"sku":"sku-1","quantity":2,"unitPrice":12.5}]'::jsonb, 2500, 'USD', 'credit_card', 'paid', 'pay-' || g, 'seed'
      from generate_series(1, 400) g on conflict do nothing`);
  } finally {
    await client.end();
  }
}
