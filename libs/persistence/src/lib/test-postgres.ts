// A throwaway Postgres for test suites: its own temp dir and free port, removed by stop() and, if a
// suite dies before calling it, by an exit hook, so no server or directory outlives the run.
import { randomBytes } from 'node:crypto';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildProcess, spawn } from 'node:child_process';
import { postgresBinDir, postgresUser, startEmbeddedPostgres, stopEmbeddedPostgresSync } from './embedded-postgres';

export interface TestPostgres {
  readonly port: number;
  urlFor(db: string): string;
  createDatabase(db: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg_ctl daemonises the server, so a test process killed with SIGKILL (a Jest timeout, Ctrl-C twice)
 * would leave it running. A detached shell watches this process and, once it is gone, stops the
 * server and removes its directory.
 */
function startWatchdog(root: string, dataDir: string): ChildProcess {
  const pgCtl = join(postgresBinDir(), 'pg_ctl');
  const { uid } = postgresUser();
  const asPostgres = uid === undefined ? '' : `su postgres -s /bin/sh -c `;
  const stop = `${pgCtl} stop -D '${dataDir}' -m immediate -w`;
  const script =
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ` +
    `${asPostgres ? `${asPostgres}"${stop}"` : stop} >/dev/null 2>&1; rm -rf '${root}'`;
  const child = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}

export interface TestPostgresOptions {
  /** Defaults to a free port. */
  readonly port?: number;
  /** Defaults to a random one. */
  readonly password?: string;
  readonly databases?: readonly string[];
}

export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const root = await mkdtemp(join(tmpdir(), 'obs-pg-'));
  // As root the server runs as the postgres user (see embedded-postgres.ts), which must own its tree.
  const { uid, gid } = postgresUser();
  if (uid !== undefined && gid !== undefined) await chown(root, uid, gid);
  const dataDir = join(root, 'data');
  const cleanUp = () => {
    stopEmbeddedPostgresSync(dataDir);
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  try {
    const port = options.port ?? (await freeTcpPort());
    const server = await startEmbeddedPostgres({
      dataDir,
      port,
      password: options.password ?? randomBytes(12).toString('hex'),
      databases: options.databases,
    });
    const watchdog = startWatchdog(root, dataDir);
    let stopped = false;
    return {
      port,
      urlFor: server.urlFor,
      createDatabase: server.createDatabase,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', cleanUp);
        watchdog.kill('SIGKILL');
        await server.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.removeListener('exit', cleanUp);
    cleanUp();
    throw error;
  }
}

/**
 * A TCP port nobody listens on right now. (@obs/testing has the same helper, but this file ships in
 * the persistence lib's entry, which apps bundle, and must not pull Jest-only code into them.)
 */
function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port'));
      server.close(() => resolve(address.port));
    });
  });
}
