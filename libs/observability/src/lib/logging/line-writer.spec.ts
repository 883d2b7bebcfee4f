// The log destination against real files and pipes, in child processes where exit and pipe
// behaviour matter: every line arrives, in order, whatever the reader does.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineWriter } from './line-writer';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..', '..');
const LINE_WRITER = join(__dirname, 'line-writer.ts');

/** A node process that loads LineWriter from source and runs `script` with it in scope. */
function childArgs(script: string): string[] {
  return ['-r', '@swc-node/register', '-e', `const { LineWriter } = require(${JSON.stringify(LINE_WRITER)});\n${script}`];
}

const childEnv = { ...process.env, SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'libs/observability/tsconfig.json') };

/** `count` numbered lines of about 300 bytes, some with multi-byte characters. */
const WRITE_LINES = (count: number) => `
  const writer = new LineWriter(1);
  for (let i = 0; i < ${count}; i++) writer.write(JSON.stringify({ n: i, msg: i % 7 === 0 ? 'café ☕ ' : 'x', pad: 'p'.repeat(250) }) + '\\n');`;

function numbersIn(output: string): number[] {
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { n: number }).n);
}

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

jest.setTimeout(60_000);

describe('LineWriter', () => {
  it('writes every line to a file in order, multi-byte characters intact, and calls flush back once they are written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'line-writer-'));
    const file = join(dir, 'out.log');
    const fd = openSync(file, 'w');
    const writer = new LineWriter(fd);
    for (let i = 0; i < 2_000; i++) writer.write(`{"n":${i},"msg":"${i % 3 === 0 ? 'naïve ☃' : 'ok'}"}\n`);
    await new Promise<void>((resolve, reject) => writer.flush((error) => (error ? reject(error) : resolve())));
    closeSync(fd);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { n: number }).n)).toEqual(range(2_000));
    expect(JSON.parse(lines[3])).toEqual({ n: 3, msg: 'naïve ☃' });
  });

  it('reports a failing destination once, not once per line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'line-writer-'));
    const fd = openSync(join(dir, 'out.log'), 'w');
    closeSync(fd);
    const reports: string[] = [];
    const writer = new LineWriter(fd, (message) => reports.push(message));
    for (let i = 0; i < 5; i++) {
      writer.write(`line ${i}\n`);
      await new Promise<void>((resolve) => writer.flush(() => resolve()));
    }
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^log lines could not be written to fd \d+ \(7 bytes dropped\): EBADF/);
  });

  it('writes the lines still pending when the process exits right after logging them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'line-writer-'));
    const file = join(dir, 'out.log');
    const fd = openSync(file, 'w');
    const result = spawnSync(process.execPath, childArgs(`${WRITE_LINES(5_000)}\nprocess.exit(3);`), {
      cwd: WORKSPACE_ROOT,
      env: childEnv,
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(fd);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
    expect(numbersIn(readFileSync(file, 'utf8'))).toEqual(range(5_000));
  });

  it('loses nothing when a slow reader keeps a non-blocking pipe full', async () => {
    // Touching process.stdout makes Node put the pipe in non-blocking mode, so writes meet EAGAIN
    // whenever the parent is not reading.
    const child = spawn(process.execPath, childArgs(`void process.stdout;\n${WRITE_LINES(20_000)}`), {
      cwd: WORKSPACE_ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const chunks: Buffer[] = [];
    child.stdout.pause();
    // The child has about 6 MB to write and the pipe holds far less: it waits on us for a while.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const status = await closed;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(numbersIn(Buffer.concat(chunks).toString('utf8'))).toEqual(range(20_000));
  });

  it('reports once on stderr and carries on when the reader closes the pipe', async () => {
    const script = `
      const writer = new LineWriter(1);
      let i = 0;
      const timer = setInterval(() => writer.write('line ' + i++ + '\\n'), 1);
      setTimeout(() => { clearInterval(timer); process.stderr.write('still running\\n'); }, 500);`;
    const child = spawn(process.execPath, childArgs(script), { cwd: WORKSPACE_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(status).toBe(0);
    const reports = stderr.split('\n').filter((line) => line.startsWith('log lines could not be written'));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/EPIPE/);
    expect(stderr).toContain('still running');
  });
});
