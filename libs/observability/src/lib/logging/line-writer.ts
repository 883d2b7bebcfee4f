// pino's destination for the default asynchronous logging: lines collect while a write is in flight
// and go out together, each batch encoded to bytes once. sonic-boom (pino.destination) measures the
// byte length of its whole pending chunk on every line, flattening a string of up to 16 KiB each
// time, and encodes every chunk a second time after writing it to find what is left: together about
// 2.6 KiB of garbage per request line in the orders service (docs/performance.md).
import { write, writeSync } from 'node:fs';

/** How long to wait before retrying when a non-blocking pipe is full (EAGAIN). */
const RETRY_DELAY_MS = 10;
/** At exit, how long flushSync keeps retrying a full pipe before giving up on the rest. */
const EXIT_FLUSH_BUDGET_MS = 2_000;

type ReportError = (message: string) => void;

const reportToStderr: ReportError = (message) => {
  process.stderr.write(`${message}\n`);
};

function isRetryable(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EAGAIN' || error.code === 'EBUSY';
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export class LineWriter {
  private pending: string[] = [];
  /** The bytes handed to the kernel and not yet confirmed written. */
  private inFlight: Buffer | undefined;
  /** Bytes a full pipe refused, waiting for their retry timer. */
  private awaitingRetry: { chunk: Buffer; timer: NodeJS.Timeout } | undefined;
  /** Set when the reader went away (EPIPE): there is nobody left to write to. */
  private readerGone = false;
  private readonly reportedCodes = new Set<string>();
  private flushWaiters: Array<(error?: Error) => void> = [];

  constructor(
    readonly fd = 1,
    private readonly reportError: ReportError = reportToStderr,
  ) {
    flushAtExit(this);
  }

  /** pino calls this once per line; it never blocks and never throws. */
  write(line: string): boolean {
    if (this.readerGone) return false;
    this.pending.push(line);
    if (this.inFlight === undefined) this.writeNextBatch();
    return true;
  }

  /** pino's logger.flush(cb): calls back once every line written so far is with the kernel. */
  flush(callback?: (error?: Error) => void): void {
    if (!callback) return;
    if (this.idle()) process.nextTick(callback);
    else this.flushWaiters.push(callback);
  }

  /**
   * Writes what is pending before the process exits (pino calls it after a fatal line). The batch in
   * flight, if any, is already with libuv; writing it here too would duplicate it.
   */
  flushSync(): void {
    if (this.readerGone) return;
    const parts: Buffer[] = [];
    if (this.awaitingRetry) {
      clearTimeout(this.awaitingRetry.timer);
      parts.push(this.awaitingRetry.chunk);
      this.awaitingRetry = undefined;
      this.inFlight = undefined;
    }
    if (this.pending.length > 0) parts.push(Buffer.from(this.pending.join('')));
    this.pending = [];
    let chunk = Buffer.concat(parts);
    const deadline = Date.now() + EXIT_FLUSH_BUDGET_MS;
    while (chunk.length > 0) {
      try {
        chunk = chunk.subarray(writeSync(this.fd, chunk));
      } catch (error) {
        const errno = error as NodeJS.ErrnoException;
        if (isRetryable(errno) && Date.now() < deadline) {
          sleepSync(1);
          continue;
        }
        this.fail(errno, chunk.length);
        return;
      }
    }
  }

  private idle(): boolean {
    return this.inFlight === undefined && this.pending.length === 0;
  }

  private writeNextBatch(): void {
    const batch = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.send(Buffer.from(batch));
  }

  private send(chunk: Buffer): void {
    this.inFlight = chunk;
    write(this.fd, chunk, 0, chunk.length, null, (error, written) => this.afterWrite(chunk, error, written));
  }

  private afterWrite(chunk: Buffer, error: NodeJS.ErrnoException | null, written: number): void {
    if (error && isRetryable(error)) {
      // A full pipe (the reader is slow): keep the bytes and try again, so nothing is lost. The timer
      // does not hold the process open: at exit, flushSync writes these bytes.
      const timer = setTimeout(() => {
        this.awaitingRetry = undefined;
        this.send(chunk);
      }, RETRY_DELAY_MS);
      timer.unref();
      this.awaitingRetry = { chunk, timer };
      return;
    }
    if (error) {
      this.fail(error, chunk.length);
    } else if (written < chunk.length) {
      this.send(chunk.subarray(written));
      return;
    }
    this.inFlight = undefined;
    if (this.pending.length > 0 && !this.readerGone) this.writeNextBatch();
    else this.settleFlushWaiters(error ?? undefined);
  }

  private fail(error: NodeJS.ErrnoException, lostBytes: number): void {
    if (error.code === 'EPIPE') {
      // The reader closed its end: later lines could only fail the same way.
      this.readerGone = true;
      this.pending = [];
    }
    const code = error.code ?? 'unknown';
    // Once per kind of failure, so a broken destination does not flood stderr.
    if (this.reportedCodes.has(code)) return;
    this.reportedCodes.add(code);
    this.reportError(`log lines could not be written to fd ${this.fd} (${lostBytes} bytes dropped): ${error.message}`);
  }

  private settleFlushWaiters(error?: Error): void {
    const waiters = this.flushWaiters;
    this.flushWaiters = [];
    for (const waiter of waiters) waiter(error);
  }
}

// One 'exit' listener for every writer; weak references, so a writer whose logger is gone (an app
// closed in a test, say) can be collected.
const writersToFlush = new Set<WeakRef<LineWriter>>();
const forget = new FinalizationRegistry<WeakRef<LineWriter>>((ref) => writersToFlush.delete(ref));
let exitListenerAdded = false;

function flushAtExit(writer: LineWriter): void {
  const ref = new WeakRef(writer);
  writersToFlush.add(ref);
  forget.register(writer, ref);
  if (exitListenerAdded) return;
  exitListenerAdded = true;
  process.on('exit', () => {
    for (const each of writersToFlush) each.deref()?.flushSync();
  });
}
