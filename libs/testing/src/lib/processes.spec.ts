import { createServer } from 'node:http';
import { join } from 'node:path';
import { freePort, startProcess, waitFor, waitForHttp } from './processes';

describe('test process helpers', () => {
  it('finds a port that can be listened on and waits for it to answer', async () => {
    const port = await freePort();
    const server = createServer((_req, res) => res.end('ok')).listen(port, '127.0.0.1');
    try {
      const res = await waitForHttp(`http://127.0.0.1:${port}/`);
      expect(await res.text()).toBe('ok');
    } finally {
      server.close();
    }
  });

  it('stops a child that ignores nothing and reports its exit code and output', async () => {
    const proc = startProcess(process.execPath, ['-e', 'console.log("hello"); setInterval(() => {}, 1000)']);
    await new Promise((r) => setTimeout(r, 300));
    await proc.stop('SIGTERM');
    expect(proc.child.signalCode ?? proc.child.exitCode).not.toBeNull();
    expect(proc.output()).toContain('hello');
  });
});

describe('orphan guard', () => {
  jest.setTimeout(30_000);

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('stops a started child when the runner that started it is killed with SIGKILL', async () => {
    const runner = startProcess(process.execPath, ['-r', '@swc-node/register', join(__dirname, '..', 'testing-fixtures', 'orphan-runner.ts')], {
      cwd: join(__dirname, '..', '..', '..', '..'),
    });
    const childPid = await waitFor(async () => Number(/child (\d+)/.exec(runner.output())?.[1]) || undefined, {
      what: 'the runner to start its child',
      timeoutMs: 20_000,
    });
    expect(alive(childPid)).toBe(true);
    runner.child.kill('SIGKILL');
    await waitFor(async () => (alive(childPid) ? undefined : true), { what: 'the orphaned child to be stopped', timeoutMs: 15_000 });
  });
});
