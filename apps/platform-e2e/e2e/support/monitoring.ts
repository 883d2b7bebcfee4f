// Debian's prometheus (exemplar storage on, as `npm run observe` runs it) and prometheus-alertmanager
// as child processes with their config and data in a temp dir that is removed however the run ends.
import { type ManagedProcess, startProcess, waitForHttp } from '@obs/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guardAgainstOrphans } from '@obs/testing';

export interface MonitoringProcess {
  readonly url: string;
  output(): string;
  stop(): Promise<void>;
}

async function startWithConfig(
  name: string,
  binary: string,
  config: string,
  args: (configFile: string, dataDir: string) => string[],
  readyUrl: string,
): Promise<MonitoringProcess> {
  const dir = mkdtempSync(join(tmpdir(), `obs-${name}-`));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDir);
  const configFile = join(dir, `${name}.yml`);
  writeFileSync(configFile, config);
  const proc: ManagedProcess = startProcess(binary, args(configFile, join(dir, 'data')));
  const guard = guardAgainstOrphans(proc.child.pid, [dir]);
  const stop = async () => {
    await proc.stop();
    guard.release();
    removeDir();
    process.removeListener('exit', removeDir);
  };
  try {
    await waitForHttp(readyUrl, { timeoutMs: 60_000 });
  } catch (error) {
    const output = proc.output();
    await stop();
    throw new Error(`${binary} did not become ready: ${String(error)}\n${output}`);
  }
  return { url: new URL(readyUrl).origin, output: () => proc.output(), stop };
}

export function startPrometheus(config: string, port: number): Promise<MonitoringProcess> {
  return startWithConfig(
    'prometheus',
    'prometheus',
    config,
    (configFile, dataDir) => [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--enable-feature=exemplar-storage',
    ],
    `http://127.0.0.1:${port}/-/ready`,
  );
}

export function startAlertmanager(config: string, port: number): Promise<MonitoringProcess> {
  return startWithConfig(
    'alertmanager',
    'prometheus-alertmanager',
    config,
    (configFile, dataDir) => [
      `--config.file=${configFile}`,
      `--storage.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // A single instance: no gossip port to collide with anything.
      '--cluster.listen-address=',
    ],
    `http://127.0.0.1:${port}/-/ready`,
  );
}
