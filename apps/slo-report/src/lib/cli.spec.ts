// The CLI's contract without a Prometheus: arguments, help, and what happens when nothing answers.
import { freePort } from '@obs/testing';
import { createServer, Server } from 'node:http';
import { EXIT_ERROR, EXIT_OK, runCli } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('slo-report CLI', () => {
  it('prints usage with --help and exits 0', async () => {
    const c = capture();
    expect(await runCli(['--help'], {}, c.io)).toBe(EXIT_OK);
    expect(c.out.join('')).toMatch(/usage: slo-report/);
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--url', 'localhost:9090'], /--url must be an http\(s\) URL/],
    [['--timeout-ms', 'soon'], /--timeout-ms must be a positive integer/],
  ])('rejects %j with a clear message and exit 1', async (args, message) => {
    const c = capture();
    expect(await runCli(args, {}, c.io)).toBe(EXIT_ERROR);
    expect(c.err.join('')).toMatch(message);
    expect(c.out).toEqual([]);
  });

  it('names the URL it could not reach, taken from PROMETHEUS_URL', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const c = capture();
    expect(await runCli([], { PROMETHEUS_URL: url }, c.io)).toBe(EXIT_ERROR);
    expect(c.err.join('')).toContain(`cannot reach Prometheus at ${url} (ECONNREFUSED)`);
  });

  describe('pointed at something that is not Prometheus', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>nope</h1>'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('says the answer is not the Prometheus HTTP API', async () => {
      const c = capture();
      expect(await runCli(['--url', url], {}, c.io)).toBe(EXIT_ERROR);
      expect(c.err.join('')).toMatch(/answered HTTP 404 without JSON: is it the Prometheus HTTP API\?/);
    });
  });
});
