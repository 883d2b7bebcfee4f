// The users service's configuration: the shared variables plus its own, validated once at boot.
import { baseConfigSchema, loadConfig } from '@obs/observability';
import { z } from 'zod';

export const usersConfigSchema = baseConfigSchema.extend({
  /** How many users the read cache holds, and for how long an entry may be served. */
  USERS_CACHE_MAX: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  USERS_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** Lifetime of a session created by POST /api/users/auth. */
  SESSION_TTL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(1_800_000),
  /** Failed logins per email within a minute before further attempts are rate limited (429). */
  AUTH_MAX_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(5),
});

export type UsersConfig = z.infer<typeof usersConfigSchema>;

export const USERS_CONFIG = Symbol.for('users.config');

export const usersConfigProvider = {
  provide: USERS_CONFIG,
  useFactory: (): UsersConfig => loadConfig(usersConfigSchema),
};
