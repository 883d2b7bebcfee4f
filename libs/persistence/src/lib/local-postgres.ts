// Where a service's database lives: DATABASE_URL when set; otherwise (outside production) the one
// shared local embedded Postgres under .data/, started on first use, with a database per service.
import { mkdir, rm, rmdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { canConnect, withDatabase } from './database-url';
import { startEmbeddedPostgres } from './embedded-postgres';

export const LOCAL_POSTGRES_PORT = 54329;
export const LOCAL_POSTGRES_PASSWORD = 'postgres';

export interface LocalPostgresSettings {
  readonly dataDir: string;
  readonly port: number;
}

export function localPostgresSettings(env: NodeJS.ProcessEnv = process.env): LocalPostgresSettings {
  const port = Number(env['EMBEDDED_PG_PORT'] ?? LOCAL_POSTGRES_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a TCP port (1-65535), got "${env['EMBEDDED_PG_PORT']}"`);
  }
  return { dataDir: resolve(env['EMBEDDED_PG_DIR'] ?? join(process.cwd(), '.data', 'postgres')), port };
}

/**
 * A cross-process lock (mkdir is atomic) so services started together do not initialise or start
 * the shared cluster twice. A lock older than a minute belongs to a process that died holding it.
 */
async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(lockDir).then((s) => s.mtimeMs, () => Date.now()));
      if (age > 60_000) await rm(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for the local Postgres lock ${lockDir}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await rmdir(lockDir).catch(() => undefined);
  }
}

/**
 * The service's connection string. Production must say where its database is; elsewhere the shared
 * local server is reused when it already runs and started (detached, so it outlives this process
 * and serves the other services) when it does not.
 */
export async function resolveDatabaseUrl(service: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env['DATABASE_URL'];
  if (configured) {
    try {
      new URL(configured);
    } catch {
      throw new Error('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)');
    }
    return configured;
  }
  if (env['NODE_ENV'] === 'production') {
    throw new Error('DATABASE_URL is required in production (postgres://user:password@host:port/database)');
  }
  const { dataDir, port } = localPostgresSettings(env);
  const url = withDatabase(`postgres://postgres:${LOCAL_POSTGRES_PASSWORD}@127.0.0.1:${port}/postgres`, service);
  if (!(await canConnect(withDatabase(url, 'postgres')))) {
    await mkdir(join(dataDir, '..'), { recursive: true });
    await withLock(`${dataDir}.lock`, async () => {
      if (!(await canConnect(withDatabase(url, 'postgres')))) {
        await startEmbeddedPostgres({ dataDir, port, password: LOCAL_POSTGRES_PASSWORD });
      }
    });
  }
  return url;
}
