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

describe('LineWriter bytes', () => {
  /** What the writer must put in the file: each line encoded as Buffer.from encodes it. */
  const bytesOf = (lines: string[]) => Buffer.concat(lines.map((line) => Buffer.from(line)));

  /** toEqual on Buffers takes seconds per megabyte; on a mismatch this shows where the bytes part. */
  function expectBytes(actual: Buffer, expected: Buffer): void {
    if (actual.equals(expected)) return;
    let at = 0;
    while (actual[at] === expected[at]) at++;
    const around = (bytes: Buffer) => ({ length: bytes.length, at, from: bytes.subarray(at, at + 40).toString('hex') });
    expect(around(actual)).toEqual(around(expected));
  }

  function openTempFile(): { file: string; fd: number } {
    const file = join(mkdtempSync(join(tmpdir(), 'line-writer-')), 'out.log');
    return { file, fd: openSync(file, 'w') };
  }

  const flushed = (writer: LineWriter) => new Promise<void>((resolve, reject) => writer.flush((error) => (error ? reject(error) : resolve())));

  /** A writer on a temp file that remembers every line written, and checks the file holds exactly their bytes. */
  function recordedWriter() {
    const { file, fd } = openTempFile();
    const writer = new LineWriter(fd);
    const lines: string[] = [];
    return {
      writer,
      write(line: string): void {
        lines.push(line);
        writer.write(line);
      },
      expectFileToHoldEveryLine(): void {
        closeSync(fd);
        expectBytes(readFileSync(file), bytesOf(lines));
      },
    };
  }

  // One-byte (latin1) strings take buf.write's fast path, two-byte ones its slow path; lone
  // surrogates must come out as U+FFFD, as Buffer.from writes them.
  const SAMPLES = [
    'plain ascii\n',
    'café naïve ÿ\n',
    'snowman ☃ coffee ☕\n',
    'emoji 😀 🎉\n',
    'lone high \ud800 and low \udfff in the middle\n',
    'a high surrogate before the newline \ud83d\n',
    'no newline, a high surrogate last \ud83d',
    '\udc00 a low surrogate first\n',
    '',
    '\n',
  ];

  it('writes each line as Buffer.from encodes it, whether it goes out alone or in a batch', async () => {
    const { writer, write, expectFileToHoldEveryLine } = recordedWriter();
    // Alone: each line finds no write in flight.
    for (const line of SAMPLES) {
      write(line);
      await flushed(writer);
    }
    // Built by concatenation, as pino builds its lines, and collected while the first is in flight.
    for (let i = 0; i < 50; i++) write('{"n":' + i + ',"msg":"' + SAMPLES[i % SAMPLES.length] + '"}\n');
    await flushed(writer);
    expectFileToHoldEveryLine();
  });

  it('writes batches and lines larger than its 64 KiB buffer, and the small batches after them', async () => {
    const { writer, write, expectFileToHoldEveryLine } = recordedWriter();
    // The first line goes out alone; the other 1,999 (about 600 KB) collect behind it as one batch.
    for (let i = 0; i < 2_000; i++) write(JSON.stringify({ n: i, msg: i % 5 === 0 ? 'é☕😀' : 'ok', pad: 'p'.repeat(280) }) + '\n');
    await flushed(writer);
    write(`${'é'.repeat(100_000)}\n`); // alone, 200 KB
    await flushed(writer);
    write('x'.repeat(70_000) + '\n'); // alone, just over 64 KiB
    write(`${'☕'.repeat(30_000)}\n`); // the next batch, 90 KB
    await flushed(writer);
    for (let i = 0; i < 3; i++) write(`small ${i}\n`);
    await flushed(writer);
    expectFileToHoldEveryLine();
  });

  it('calls flush back once every line written before it is in the file, never synchronously', async () => {
    const { file, fd } = openTempFile();
    const writer = new LineWriter(fd);
    expect(() => writer.flush()).not.toThrow();
    let calledBack = false;
    writer.flush(() => (calledBack = true));
    expect(calledBack).toBe(false);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(calledBack).toBe(true);

    const lines = range(500).map((i) => `line ${i}\n`);
    const seen: string[] = [];
    for (const line of lines.slice(0, 250)) writer.write(line);
    const first = new Promise<void>((resolve) => writer.flush(() => resolve()));
    for (const line of lines.slice(250)) writer.write(line);
    await new Promise<void>((resolve) =>
      writer.flush((error) => {
        expect(error).toBeUndefined();
        seen.push(readFileSync(file, 'utf8'));
        resolve();
      }),
    );
    await first;
    closeSync(fd);
    expect(seen).toEqual([lines.join('')]);
  });

  it('keeps the lines that arrive while a full pipe is retried, and writes the retried bytes and then them at exit', async () => {
    // The child writes about 1.6 MB in one turn to a non-blocking pipe that nobody reads yet: the
    // batch behind the first line fills the pipe and waits for its retry, lines keep coming on later
    // turns, and the child exits while the pipe is still full.
    const line = (i: number) => JSON.stringify({ n: i, msg: i % 3 === 0 ? 'é☕ \ud800' : 'x', pad: 'r'.repeat(i % 50) }) + '\n';
    const script = `
      void process.stdout;
      const line = ${line.toString()};
      const writer = new LineWriter(1);
      let i = 0;
      for (; i < 20000; i++) writer.write(line(i));
      const timer = setInterval(() => { for (let k = 0; k < 10; k++) writer.write(line(i++)); }, 5);
      setTimeout(() => { clearInterval(timer); process.stderr.write(i + ' lines\\n'); process.exit(0); }, 300);`;
    const child = spawn(process.execPath, childArgs(script), { cwd: WORKSPACE_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const chunks: Buffer[] = [];
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    expect(await closed).toBe(0);
    const count = Number(/^(\d+) lines\n$/.exec(stderr)?.[1]);
    expect(count).toBeGreaterThan(20_000);
    expectBytes(Buffer.concat(chunks), bytesOf(range(count).map(line)));
  });

  it('once the reader has gone, drops lines, reports it once and still calls flush back', async () => {
    const script = `
      const writer = new LineWriter(1);
      let i = 0;
      const timer = setInterval(() => {
        if (writer.write('line ' + i++ + '\\n')) return;
        clearInterval(timer);
        writer.flush((error) => process.stderr.write('write returned false; flushed: ' + (error ? error.code : 'no error') + '\\n'));
      }, 1);`;
    const child = spawn(process.execPath, childArgs(script), { cwd: WORKSPACE_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    expect(await new Promise<number | null>((resolve) => child.once('close', resolve))).toBe(0);
    const lines = stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^log lines could not be written to fd 1 \(\d+ bytes dropped\): EPIPE/);
    expect(lines[1]).toBe('write returned false; flushed: no error');
  });
});
