// Start-up configuration from the environment (validated at boot; a bad variable stops start-up with
// a message naming it). It seeds the runtime config that PUT /api/config changes later.
import { baseConfigSchema } from '@obs/observability';
import { z } from 'zod';
import { DEFAULT_RUNTIME_CONFIG, parseRuntimeConfig, RuntimeConfig } from './runtime-config';

const httpUrl = z.url({ protocol: /^https?$/ });
const bool = z.stringbool();
const d = DEFAULT_RUNTIME_CONFIG;

export const loadgenEnvSchema = baseConfigSchema.extend({
  ORDERS_URL: httpUrl.default('http://127.0.0.1:8081'),
  PAYMENTS_URL: httpUrl.default('http://127.0.0.1:8082'),
  USERS_URL: httpUrl.default('http://127.0.0.1:8083'),
  LOADGEN_RPS: z.coerce.number().min(0).max(100_000).default(d.baseRps),
  LOADGEN_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(100_000).default(d.maxConcurrency),
  LOADGEN_TIMEOUT_MS: z.coerce.number().int().min(1).max(300_000).default(d.timeoutMs),
  LOADGEN_DIURNAL: bool.default(d.diurnal.enabled),
  LOADGEN_DAY_MINUTES: z.coerce.number().min(0.1).max(1440).default(d.diurnal.dayMinutes),
  LOADGEN_BURST_PROBABILITY: z.coerce.number().min(0).max(1).default(d.burst.probability),
  LOADGEN_BURST_MULTIPLIER: z.coerce.number().min(1).max(100).default(d.burst.multiplier),
  LOADGEN_BURST_DURATION_SECONDS: z.coerce.number().min(0.1).max(86_400).default(d.burst.durationSeconds),
  LOADGEN_BURST_CYCLE_SECONDS: z.coerce.number().min(0.1).max(86_400).default(d.burst.cycleSeconds),
  /** Start with traffic paused (POST /api/resume starts it). */
  LOADGEN_START_PAUSED: bool.default(false),
  /** Seed for the mix and bodies; unset means a different run each start. */
  LOADGEN_SEED: z.coerce.number().int().optional(),
});

export type LoadgenEnv = z.infer<typeof loadgenEnvSchema>;

export function runtimeConfigFromEnv(env: LoadgenEnv): RuntimeConfig {
  return parseRuntimeConfig({
    baseRps: env.LOADGEN_RPS,
    maxConcurrency: env.LOADGEN_MAX_CONCURRENCY,
    timeoutMs: env.LOADGEN_TIMEOUT_MS,
    diurnal: { enabled: env.LOADGEN_DIURNAL, dayMinutes: env.LOADGEN_DAY_MINUTES },
    burst: {
      probability: env.LOADGEN_BURST_PROBABILITY,
      multiplier: env.LOADGEN_BURST_MULTIPLIER,
      durationSeconds: env.LOADGEN_BURST_DURATION_SECONDS,
      cycleSeconds: env.LOADGEN_BURST_CYCLE_SECONDS,
    },
    mix: d.mix,
  });
}
