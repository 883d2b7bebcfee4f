// Child processes of the bench: the built apps (stdout to a file or nowhere, never buffered in this
// process, which also runs the client), the helper children, start-to-ready timing and resident
// memory from /proc. Every child is killed when the bench exits, however it exits.
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const children = new Set<ChildProcess>();
let hooked = false;

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
}

/** The bench's environment minus anything that would change the apps' behaviour behind our back. */
export function cleanEnv(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('OTEL_') && !['NODE_OPTIONS', 'TS_NODE_PROJECT', 'SWC_NODE_PROJECT', 'LOG_LEVEL', 'DATABASE_URL', 'PORT', 'GRPC_PORT'].includes(key)),
  );
}

export interface Child {
  readonly name: string;
  readonly pid: number;
  /** Milliseconds from spawn to ready (readiness answered 200, or "ready" on stdout). */
  readyMs: number;
  stop(): Promise<void>;
  exited(): boolean;
  /** The last stderr lines, for error messages when a child fails to start. */
  stderrTail(): string;
}

export interface SpawnOptions {
  readonly name: string;
  readonly args: readonly string[];
  readonly env: Record<string, string | undefined>;
  /** A file for stdout (per-request logs); undefined discards it. */
  readonly stdoutFile?: string;
  /** Ready when GET readyUrl answers 200; without it, when the child prints "ready". */
  readonly readyUrl?: string;
  readonly timeoutMs?: number;
  /** A command that runs node, with its own arguments (e.g. valgrind); node's arguments follow. */
  readonly wrapper?: readonly string[];
}

export async function startChild(options: SpawnOptions): Promise<Child> {
  hook();
  const started = performance.now();
  const fd = options.stdoutFile ? openSync(options.stdoutFile, 'a') : undefined;
  const stdout = fd ?? (options.readyUrl ? 'ignore' : 'pipe');
  const [command, ...commandArgs] = [...(options.wrapper ?? []), process.execPath, ...options.args];
  const child = spawn(command, commandArgs, { env: options.env as NodeJS.ProcessEnv, stdio: ['ignore', stdout, 'pipe'] });
  if (fd !== undefined) closeSync(fd);
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      children.delete(child);
      resolve();
    }),
  );
  const handle: Child = {
    name: options.name,
    pid: child.pid as number,
    readyMs: 0,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stderrTail: () => stderr.trim().split('\n').slice(-5).join('\n'),
    async stop() {
      if (handle.exited()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const failed = () => new Error(`${options.name} did not become ready: ${handle.stderrTail() || 'no output'}`);
  if (options.readyUrl) {
    for (;;) {
      if (handle.exited() || Date.now() > deadline) throw failed();
      const ok = await fetch(options.readyUrl, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 25));
    }
  } else {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(failed()), Math.max(0, deadline - Date.now()));
      child.stdout?.on('data', (d: Buffer) => {
        if (!d.toString().includes('ready')) return;
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', () => {
        clearTimeout(timer);
        reject(failed());
      });
    });
  }
  handle.readyMs = performance.now() - started;
  return handle;
}

/** Resident set size in MiB (VmRSS), or undefined once the process is gone. */
export async function rssMiB(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every intervalMs while fn runs; returns fn's result and the peak. */
export async function withPeakRss<T>(pid: number, fn: () => Promise<T>, intervalMs = 250): Promise<{ result: T; peakMiB: number | undefined }> {
  let peak: number | undefined;
  const sample = async () => {
    const value = await rssMiB(pid);
    if (value !== undefined) peak = Math.max(peak ?? 0, value);
  };
  const timer = setInterval(() => void sample(), intervalMs);
  try {
    const result = await fn();
    await sample();
    return { result, peakMiB: peak };
  } finally {
    clearInterval(timer);
  }
}
