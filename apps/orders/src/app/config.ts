// Typed configuration of orders, validated at boot: its own ports, where users and payments answer
// gRPC, and the resilience budgets of those two calls.
import { SERVICES } from '@obs/contracts';
import { baseConfigSchema, loadConfig } from '@obs/observability';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const millis = (fallback: number) => z.coerce.number().int().min(1).max(600_000).default(fallback);
/** host:port, as @grpc/grpc-js takes it. */
const grpcAddress = z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port');

export const ordersConfigSchema = baseConfigSchema.extend({
  PORT: port.default(SERVICES.orders.httpPort),
  USERS_GRPC_URL: grpcAddress.default(`localhost:${SERVICES.users.grpcPort}`),
  PAYMENTS_GRPC_URL: grpcAddress.default(`localhost:${SERVICES.payments.grpcPort}`),
  /** Budget for one ValidateUser attempt. */
  USERS_TIMEOUT_MS: millis(1_000),
  /** Budget for one Charge attempt: above bank_transfer's tail (500 ± 200 ms) and peak mode (≤ 2.5 s). */
  PAYMENTS_TIMEOUT_MS: millis(3_000),
  /** How long an open breaker waits before letting one probe call through. */
  BREAKER_HALF_OPEN_MS: millis(5_000),
  BREAKER_CONSECUTIVE_FAILURES: z.coerce.number().int().min(1).max(1_000).default(5),
});

export type OrdersConfig = z.infer<typeof ordersConfigSchema>;
export const ORDERS_CONFIG = Symbol('ORDERS_CONFIG');

export function loadOrdersConfig(env: Record<string, string | undefined> = process.env): OrdersConfig {
  return loadConfig(ordersConfigSchema, env);
}
