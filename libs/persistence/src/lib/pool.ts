// The pg pool behind Kysely: bounded, with timeouts, and with connection-level failures turned into
// DatabaseUnavailableError so an outage answers 503 instead of a 500 or a hung request.
import { Pool, PoolClient } from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { pgErrorCode, toDatabaseError } from './errors';

export const POOL_LIMITS = {
  max: 10,
  connectionTimeoutMillis: 2_000,
  idleTimeoutMillis: 30_000,
  statement_timeout: 5_000,
} as const;

export function createPool(url: string, applicationName: string, onIdleError: (error: Error) => void): Pool {
  const pool = new Pool({ connectionString: url, application_name: applicationName, ...POOL_LIMITS });
  // An idle client losing its connection emits 'error' on the pool; unhandled, it would kill the process.
  pool.on('error', onIdleError);
  return pool;
}

function wrapClient(client: PoolClient): PostgresPoolClient {
  // A client whose connection failed is destroyed on release instead of going back to the pool.
  let broken = false;
  return {
    query: ((sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>) => {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
      return client.query(sqlOrCursor, parameters as unknown[]).catch((error: unknown) => {
        const mapped = toDatabaseError(error);
        if (mapped !== error && pgErrorCode(error) !== '57014') broken = true;
        throw mapped;
      });
    }) as unknown as PostgresPoolClient['query'],
    release: () => client.release(broken),
  };
}

/** The Kysely-facing view of the pool. */
export function kyselyPool(pool: Pool): PostgresPool {
  return {
    connect: async () => {
      try {
        return wrapClient(await pool.connect());
      } catch (error) {
        throw toDatabaseError(error);
      }
    },
    end: () => pool.end(),
  };
}
