// pino's destination for the default asynchronous logging: lines collect while a write is in flight
// and go out together, each batch joined into one string and encoded once into a byte buffer the
// writer keeps (64 KiB, doubled for a bigger batch, back to 64 KiB once batches fit again). sonic-boom
// (pino.destination) measures the byte length of its whole pending chunk on every line, flattening a
// string of up to 16 KiB each time, and encodes every chunk a second time after writing it to find
// what is left: together about 2.6 KiB of garbage per request line in the orders service
// (docs/performance.md).
//
// Why the join, rather than encoding each line into a second buffer as it arrives: buf.write takes
// V8's fast API (simdutf) only for a flat one-byte string, and a line built by concatenation is a
// cons string, which Node encodes on its slow path, flattening it and then converting a character at
// a time. Under callgrind a 300-byte line costs about 5,400 instructions that way; joined with three
// others and encoded as one batch, about 1,400; a lone line joined with one '\n', about 2,200.
// Encoding into a kept buffer rather than with Buffer.from saves a FastBuffer per batch, the slices of
// Node's pool (a fresh 8 KiB one, zero-filled, every ~27 lines of 300 bytes) and, for a batch of 1,024
// characters or more, a measuring pass (and past 4 KiB a buffer of its own). Per orders-shaped line,
// four lines per event-loop turn: about 8,800 instructions before, 6,900 now.
import { write, writeSync } from 'node:fs';

/** How long to wait before retrying when a non-blocking pipe is full (EAGAIN). */
const RETRY_DELAY_MS = 10;
/** At exit, how long flushSync keeps retrying a full pipe before giving up on the rest. */
const EXIT_FLUSH_BUDGET_MS = 2_000;
/** The kept buffer's size to start with, and what it goes back to after a burst of big batches. */
const INITIAL_BUFFER_BYTES = 64 * 1024;

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
  /** Holds the batch being written; nothing is encoded into it until that write is done. */
  private buffer = Buffer.allocUnsafeSlow(INITIAL_BUFFER_BYTES);
  /** Set while a batch is with the kernel or waiting for its retry; its unwritten bytes are buffer[sent, batchEnd). */
  private writing = false;
  private sent = 0;
  private batchEnd = 0;
  /** Set while a full pipe has refused the rest of the batch. */
  private retryTimer: NodeJS.Timeout | undefined;
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
    if (!this.writing) this.writeNextBatch();
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
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      parts.push(this.buffer.subarray(this.sent, this.batchEnd));
      this.writing = false;
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
    return !this.writing && this.pending.length === 0;
  }

  private writeNextBatch(): void {
    // Array.join of two or more strings makes a flat string (see the top of the file), so a lone line
    // is joined with a '\n' whose one byte is then left out.
    const lone = this.pending.length === 1;
    if (lone) this.pending.push('\n');
    const batch = this.pending.join('');
    this.pending = [];
    const buffer = this.bufferFor(batch);
    this.sent = 0;
    this.batchEnd = buffer.write(batch, 0) - (lone ? 1 : 0);
    this.writing = true;
    this.sendRest();
  }

  /** The kept buffer, made large enough for `batch`. */
  private bufferFor(batch: string): Buffer {
    // No UTF-16 code unit takes more than 3 bytes of UTF-8 (a surrogate pair: 2 units, 4 bytes), so
    // most batches need no measuring, and buf.write never has to cut one short.
    if (batch.length * 3 <= this.buffer.length && this.buffer.length === INITIAL_BUFFER_BYTES) return this.buffer;
    const bytes = Buffer.byteLength(batch);
    if (bytes > this.buffer.length) {
      let size = this.buffer.length * 2;
      while (size < bytes) size *= 2;
      this.buffer = Buffer.allocUnsafeSlow(size);
    } else if (bytes <= INITIAL_BUFFER_BYTES && this.buffer.length > INITIAL_BUFFER_BYTES) {
      // A burst (a slow reader, say) grew the buffer: once batches fit the initial size again, the
      // memory goes back.
      this.buffer = Buffer.allocUnsafeSlow(INITIAL_BUFFER_BYTES);
    }
    return this.buffer;
  }

  private sendRest(): void {
    write(this.fd, this.buffer, this.sent, this.batchEnd - this.sent, null, this.afterWrite);
  }

  // One callback for every write, as only one is ever in flight: the fields above say which bytes.
  private readonly afterWrite = (error: NodeJS.ErrnoException | null, written: number): void => {
    if (error && isRetryable(error)) {
      // A full pipe (the reader is slow): keep the bytes and try again, so nothing is lost. The timer
      // does not hold the process open: at exit, flushSync writes these bytes.
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.sendRest();
      }, RETRY_DELAY_MS);
      this.retryTimer.unref();
      return;
    }
    if (error) {
      this.fail(error, this.batchEnd - this.sent);
    } else if (this.sent + written < this.batchEnd) {
      this.sent += written;
      this.sendRest();
      return;
    }
    this.writing = false;
    if (this.pending.length > 0 && !this.readerGone) this.writeNextBatch();
    else this.settleFlushWaiters(error ?? undefined);
  };

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
