import { createServer } from 'node:http';
import { freePort, startProcess, waitForHttp } from './processes';

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
