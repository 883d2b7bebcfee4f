// Typed configuration of payments, validated at boot (a bad variable stops start-up naming it).
import { SERVICES } from '@obs/contracts';
import { baseConfigSchema, loadConfig } from '@obs/observability';
import { z } from 'zod';

export const paymentsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(SERVICES.payments.httpPort),
  GRPC_PORT: z.coerce.number().int().min(0).max(65_535).default(SERVICES.payments.grpcPort),
});

export type PaymentsConfig = z.infer<typeof paymentsConfigSchema>;

export function loadPaymentsConfig(env: Record<string, string | undefined> = process.env): PaymentsConfig {
  return loadConfig(paymentsConfigSchema, env);
}
