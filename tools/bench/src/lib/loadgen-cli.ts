// Runs the project's load generator CLI (apps/loadgen, from source as `nx run loadgen:cli` does, minus
// nx's banner) and returns its --json summary.
import { spawn } from 'node:child_process';
import { parseProgress, ProgressSecond } from './loadgen-progress';
import { cleanEnv } from './procs';

export interface LoadgenSummary {
  durationSeconds: number;
  offered: number;
  sent: number;
  completed: number;
  offeredRps: number;
  achievedRps: number;
  statuses: Record<string, number>;
  errors: { total: number };
  dropped: Record<string, number>;
  latencyMs: { p50: number; p99: number; max: number };
  scheduleLagMs: { p50: number; p99: number; max: number };
}

export const LOADGEN_CLI = 'SWC_NODE_PROJECT=apps/loadgen/tsconfig.app.json node -r @swc-node/register apps/loadgen/src/cli.ts';

/** The --json summary plus the per-second progress lines the CLI printed on stderr. */
export function runLoadgenCli(args: readonly string[], nodeArgs: readonly string[] = []): Promise<LoadgenSummary & { progress: ProgressSecond[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', 'apps/loadgen/src/cli.ts', ...args, '--json'], {
      env: { ...cleanEnv(), SWC_NODE_PROJECT: 'apps/loadgen/tsconfig.app.json' } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve({ ...(JSON.parse(line) as LoadgenSummary), progress: parseProgress(stderr) });
      } catch (error) {
        reject(new Error(`loadgen CLI ${args.join(' ')} failed (${String(error)}): ${stderr.trim().slice(-2000)}`));
      }
    });
  });
}
