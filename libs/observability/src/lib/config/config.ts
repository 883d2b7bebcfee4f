// Typed, validated configuration shared by every app: one zod schema per app (extending
// baseConfigSchema), parsed once at boot, so a bad variable stops start-up with a message naming it.
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(
    readonly variables: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const port = z.coerce.number().int().min(0).max(65_535);
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Variables every service reads. OTEL_* are read by the preload; they are listed so typos in values fail here too. */
export const baseConfigSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, port.optional()),
  GRPC_PORT: z.preprocess(emptyAsUndefined, port.optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  /** true: one blocking write per line. false: lines are written in batches, flushed at exit. */
  LOG_SYNC: z.stringbool().default(false),
  /** false turns off recording of every metric (for measuring their price; /metrics stays up). */
  OBS_METRICS_ENABLED: z.stringbool().default(true),
  /** Upper bound for draining in-flight HTTP and gRPC calls after SIGTERM. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Time between SIGTERM (readiness 503) and closing the listeners, so load balancers stop routing first. */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  ADMIN_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(8).optional()),
  DEPLOYMENT_ENVIRONMENT: z.string().min(1).default('development'),
  OTEL_SERVICE_NAME: z.preprocess(emptyAsUndefined, z.string().optional()),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().optional()),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().optional()),
  OTEL_TRACES_SAMPLER: z.preprocess(
    emptyAsUndefined,
    z
      .enum([
        'always_on',
        'always_off',
        'traceidratio',
        'parentbased_always_on',
        'parentbased_always_off',
        'parentbased_traceidratio',
      ])
      .optional(),
  ),
  OTEL_TRACES_SAMPLER_ARG: z.preprocess(emptyAsUndefined, z.coerce.number().min(0).max(1).optional()),
  OTEL_RESOURCE_ATTRIBUTES: z.preprocess(emptyAsUndefined, z.string().optional()),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

/**
 * Parses the environment against the schema. Throws ConfigError naming every bad variable
 * (e.g. `Invalid configuration: PORT: Invalid input: expected number, received NaN`).
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const variables = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
  const details = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigError(variables, `Invalid configuration: ${details.join('; ')}`);
}
