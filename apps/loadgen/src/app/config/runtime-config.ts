// The load generator's live settings: what GET /api/config returns and PUT /api/config changes.
// One zod schema validates the API, the CLI flags and the environment-derived defaults alike.
import { z } from 'zod';
import { SCENARIO_NAMES, ScenarioName } from '../mix/scenario-names';

const weight = z.number().min(0).max(1000);

const mixSchema = z
  .object(
    Object.fromEntries(SCENARIO_NAMES.map((name) => [name, weight])) as Record<ScenarioName, typeof weight>,
  )
  .strict()
  .refine((mix) => Object.values(mix).some((w) => w > 0), {
    message: 'at least one scenario weight must be > 0',
  });

export const runtimeConfigSchema = z
  .object({
    /** Arrival rate at the diurnal peak, before bursts. */
    baseRps: z.number().min(0).max(100_000),
    /** Requests in flight at most; arrivals beyond it are dropped and counted, never queued. */
    maxConcurrency: z.number().int().min(1).max(100_000),
    /** Per-request timeout (headers and body). */
    timeoutMs: z.number().int().min(1).max(300_000),
    diurnal: z
      .object({
        enabled: z.boolean(),
        /** Length of a simulated day in real minutes (1440 = real time). */
        dayMinutes: z.number().min(0.1).max(1440),
      })
      .strict(),
    burst: z
      .object({
        /** Chance that a burst starts at each cycle boundary. */
        probability: z.number().min(0).max(1),
        multiplier: z.number().min(1).max(100),
        durationSeconds: z.number().min(0.1).max(86_400),
        cycleSeconds: z.number().min(0.1).max(86_400),
      })
      .strict(),
    mix: mixSchema,
  })
  .strict();

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

/** PUT /api/config accepts any subset; nested objects merge key by key, then the whole is validated. */
export const runtimeConfigPatchSchema = z
  .object({
    baseRps: z.unknown(),
    maxConcurrency: z.unknown(),
    timeoutMs: z.unknown(),
    diurnal: z.record(z.string(), z.unknown()),
    burst: z.record(z.string(), z.unknown()),
    mix: z.record(z.string(), z.unknown()),
  })
  .partial()
  .strict();

export const DEFAULT_MIX: Record<ScenarioName, number> = {
  orders_list: 5,
  orders_create: 3,
  orders_get: 2,
  payments_create: 5,
  payments_list: 4,
  users_get: 4,
  users_list: 3,
  users_auth: 3,
};

export const DEFAULT_RUNTIME_CONFIG: RuntimeConfig = {
  baseRps: 20,
  maxConcurrency: 256,
  timeoutMs: 10_000,
  diurnal: { enabled: true, dayMinutes: 60 },
  burst: { probability: 0.02, multiplier: 5, durationSeconds: 30, cycleSeconds: 10 },
  mix: DEFAULT_MIX,
};

export class ConfigValidationError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('; '));
    this.name = 'ConfigValidationError';
  }
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
}

/** Merges a patch into the current config and validates the result; throws ConfigValidationError. */
export function applyConfigPatch(current: RuntimeConfig, patch: unknown): RuntimeConfig {
  const parsedPatch = runtimeConfigPatchSchema.safeParse(patch);
  if (!parsedPatch.success) throw new ConfigValidationError(describeIssues(parsedPatch.error));
  const p = parsedPatch.data;
  const merged = {
    ...current,
    ...p,
    diurnal: { ...current.diurnal, ...p.diurnal },
    burst: { ...current.burst, ...p.burst },
    mix: { ...current.mix, ...p.mix },
  };
  return parseRuntimeConfig(merged);
}

export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  const parsed = runtimeConfigSchema.safeParse(value);
  if (!parsed.success) throw new ConfigValidationError(describeIssues(parsed.error));
  return parsed.data;
}
