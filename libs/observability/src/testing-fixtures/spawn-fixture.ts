// Starts the fixture app as a real process (Node 24 = the Jest process's own node, TypeScript via
// @swc-node/register, tracing via the test preload) on free ports, and cleans up after it.
import { freePort, ManagedProcess, startProcess, waitForHttp } from '@obs/testing';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogLine, parseLogLines, TEST_TRACING_PRELOAD } from '../testing';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
const FIXTURE_MAIN = join(__dirname, 'fixture-main.ts');

export interface FixtureProcess {
  readonly process: ManagedProcess;
  readonly baseUrl: string;
  readonly grpcTarget: string;
  readonly spansFile: string;
  logs(): LogLine[];
  /** Resolves with the exit code once the process has exited on its own. */
  exited(): Promise<number | null>;
  /** Stops the process if still running and removes its temp dir. */
  dispose(): Promise<void>;
}

/** The parent's environment minus OTEL_* (a developer's collector must not leak into tests). */
function baseEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('OTEL_')));
}

export function spawnFixtureProcess(env: Record<string, string>): {
  process: ManagedProcess;
  exited: Promise<number | null>;
} {
  const child = startProcess(
    process.execPath,
    ['-r', '@swc-node/register', '-r', TEST_TRACING_PRELOAD, FIXTURE_MAIN],
    {
      cwd: WORKSPACE_ROOT,
      env: {
        ...baseEnv(),
        SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'libs/observability/tsconfig.json'),
        OTEL_SERVICE_NAME: 'fixture',
        ...env,
      },
    },
  );
  const exited =
    child.child.exitCode !== null
      ? Promise.resolve(child.child.exitCode)
      : once(child.child, 'exit').then(([code]) => code as number | null);
  return { process: child, exited };
}

export async function startFixture(env: Record<string, string> = {}): Promise<FixtureProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'obs-fixture-'));
  const [httpPort, grpcPort] = [await freePort(), await freePort()];
  const spansFile = join(dir, 'spans.jsonl');
  const { process: child, exited } = spawnFixtureProcess({
    PORT: String(httpPort),
    GRPC_PORT: String(grpcPort),
    OBS_TEST_SPANS_FILE: spansFile,
    ...env,
  });
  const fixture: FixtureProcess = {
    process: child,
    baseUrl: `http://127.0.0.1:${httpPort}`,
    grpcTarget: `127.0.0.1:${grpcPort}`,
    spansFile,
    logs: () => parseLogLines(child.output()),
    exited: () => exited,
    async dispose() {
      await child.stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitForHttp(`${fixture.baseUrl}/readyz`, { timeoutMs: 60_000 });
  } catch (error) {
    await fixture.dispose();
    throw new Error(`fixture did not become ready: ${String(error)}\n${child.output()}`);
  }
  return fixture;
}
