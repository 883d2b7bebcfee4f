// Under Jest, handlers a test adds with process.on('exit' | 'SIGINT' | 'SIGTERM') land on Jest's
// sandboxed process object and never run when the real runner is interrupted or killed (a Ctrl-C
// sent to Jest alone, an Nx or CI timeout): its children would outlive it. A detached shell per child
// watches the runner instead and, once the runner is gone, stops the child and removes its files.
import { spawn } from 'node:child_process';

export interface OrphanGuard {
  /** The child was stopped normally: nothing left to guard. */
  release(): void;
}

const quote = (path: string) => `'${path.replaceAll("'", "'\\''")}'`;

export function guardAgainstOrphans(childPid: number | undefined, paths: readonly string[] = []): OrphanGuard {
  if (childPid === undefined) return { release: () => undefined };
  const removal = paths.length > 0 ? `; rm -rf ${paths.map(quote).join(' ')}` : '';
  const script =
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ` +
    `kill -TERM ${childPid} 2>/dev/null; sleep 5; kill -KILL ${childPid} 2>/dev/null${removal}`;
  const watchdog = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return { release: () => watchdog.kill('SIGKILL') };
}
