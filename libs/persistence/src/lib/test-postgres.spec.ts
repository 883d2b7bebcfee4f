import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { waitFor } from '@obs/testing';
import { Client } from 'pg';
import { canConnect } from './database-url';
import { startTestPostgres } from './test-postgres';

describe('startTestPostgres', () => {
  jest.setTimeout(60_000);

  it('runs a real Postgres 18 on a free port and removes it on stop', async () => {
    const pg = await startTestPostgres({ databases: ['inventory'] });
    const client = new Client({ connectionString: pg.urlFor('inventory') });
    await client.connect();
    const { rows } = await client.query<{ version: string; db: string }>(
      "SELECT current_setting('server_version_num') AS version, current_database() AS db",
    );
    await client.end();
    expect(Number(rows[0].version)).toBeGreaterThanOrEqual(180000);
    expect(rows[0].db).toBe('inventory');

    const dataDir = await dataDirOf(pg.urlFor('postgres'));
    await pg.stop();
    expect(await canConnect(pg.urlFor('postgres'))).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });
});

async function dataDirOf(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
  await client.end();
  return rows[0].data_directory;
}

describe('startTestPostgres cleanup', () => {
  jest.setTimeout(60_000);

  it('stops the server and removes its directory even when the owning process is SIGKILLed', async () => {
    // A child process that starts a server and reports it; then it is killed without any chance to clean up.
    const script = `
      require('@swc-node/register');
      const { startTestPostgres } = require(${JSON.stringify(require.resolve('./test-postgres'))});
      startTestPostgres().then((pg) => console.log(JSON.stringify({ url: pg.urlFor('postgres') })));
      setInterval(() => undefined, 1000);
    `;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const match = /\{"url":"([^"]+)"\}/.exec(d.toString());
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    const dataDir = await dataDirOf(url);
    child.kill('SIGKILL');
    await waitFor(async () => (!(await canConnect(url)) && !existsSync(dataDir) ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the orphaned server to be stopped and removed',
    });
  });
});
