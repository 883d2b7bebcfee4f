// A protobuf writer for the OTLP span encoder: one pass into a reusable buffer. Each nested message
// reserves one byte for its length and moves its body along in the rare case the length needs more,
// so every varint stays minimal and the bytes equal those of @opentelemetry/otlp-transformer.

const INITIAL_BYTES = 64 * 1024;

// Wire types.
export const VARINT = 0;
export const FIXED64 = 1;
export const LENGTH_DELIMITED = 2;
export const FIXED32 = 5;
const TWO_POW_32 = 0x1_0000_0000;

/**
 * The byte of two hex digits, indexed by their character codes (7 bits each): one lookup per byte.
 * A character that is not a hex digit counts as 0; ids arrive here already validated.
 */
const HEX_PAIR = new Uint8Array(1 << 14);
{
  const digitValue = new Int8Array(128);
  for (let digit = 0; digit < 16; digit++) {
    digitValue['0123456789abcdef'.charCodeAt(digit)] = digit;
    digitValue['0123456789ABCDEF'.charCodeAt(digit)] = digit;
  }
  for (let high = 0; high < 128; high++) {
    for (let low = 0; low < 128; low++) HEX_PAIR[(high << 7) | low] = (digitValue[high] << 4) | digitValue[low];
  }
}

function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

export class ProtobufWriter {
  private buffer: Buffer;
  pos = 0;

  /** `initialBytes`: the buffer grows by doubling from there. */
  constructor(initialBytes = INITIAL_BYTES) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  /** Starts a new message; the buffer is kept from one call to the next. */
  reset(): void {
    this.pos = 0;
  }

  /** A copy of what was written: callers may hold it (retries) while this writer is reused. */
  finish(): Uint8Array {
    // Uninitialised memory, as every byte is overwritten: new Uint8Array(view) would zero-fill an
    // export's worth of bytes (calloc) first.
    const copy = Buffer.allocUnsafeSlow(this.pos);
    this.buffer.copy(copy, 0, 0, this.pos);
    return new Uint8Array(copy.buffer, copy.byteOffset, this.pos);
  }

  private ensure(bytes: number): void {
    if (this.pos + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.pos + bytes) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.pos);
    this.buffer = grown;
  }

  tag(field: number, wireType: number): void {
    const key = field * 8 + wireType;
    if (key >= 0x80) return this.varint(key);
    // Fields 1-15, every tag of a span, take one byte.
    this.ensure(1);
    this.buffer[this.pos++] = key;
  }

  /** Unsigned 32-bit values and non-negative safe integers; negative ones as 64-bit two's complement. */
  varint(value: number): void {
    this.ensure(10);
    const buffer = this.buffer;
    if (value >= 0 && value < TWO_POW_32) {
      while (value >= 0x80) {
        buffer[this.pos++] = (value & 0x7f) | 0x80;
        value >>>= 7;
      }
      buffer[this.pos++] = value;
      return;
    }
    let low: number;
    let high: number;
    if (value >= 0) {
      low = value >>> 0;
      high = Math.floor(value / TWO_POW_32) >>> 0;
    } else {
      const magnitude = -value;
      low = ~(magnitude >>> 0) >>> 0;
      high = ~Math.floor(magnitude / TWO_POW_32) >>> 0;
      low = (low + 1) >>> 0;
      if (low === 0) high = (high + 1) >>> 0;
    }
    while (high > 0 || low > 0x7f) {
      buffer[this.pos++] = (low & 0x7f) | 0x80;
      low = ((low >>> 7) | (high << 25)) >>> 0;
      high >>>= 7;
    }
    buffer[this.pos++] = low;
  }

  fixed32(value: number): void {
    this.ensure(4);
    this.littleEndian32(value);
  }

  fixed64(low: number, high: number): void {
    this.ensure(8);
    this.littleEndian32(low);
    this.littleEndian32(high);
  }

  /** Byte stores rather than Buffer#writeUInt32LE, which validates its arguments on every call. */
  private littleEndian32(value: number): void {
    const buffer = this.buffer;
    const pos = this.pos;
    buffer[pos] = value;
    buffer[pos + 1] = value >>> 8;
    buffer[pos + 2] = value >>> 16;
    buffer[pos + 3] = value >>> 24;
    this.pos = pos + 4;
  }

  double(value: number): void {
    this.ensure(8);
    this.buffer.writeDoubleLE(value, this.pos);
    this.pos += 8;
  }

  /** Nanoseconds since the epoch of an HrTime, as fixed64, without leaving exact integer arithmetic. */
  hrTime(time: readonly [number, number]): void {
    const [seconds, nanos] = time;
    // seconds * 1e9 passes 2^53, so split seconds at 16 bits: upper * 1e9 * 2^16 + lower * 1e9.
    const upper = Math.floor(seconds / 0x10000) * 1e9;
    const lower = (seconds % 0x10000) * 1e9 + nanos;
    const lowSum = (upper % 0x10000) * 0x10000 + (lower % TWO_POW_32);
    const high = Math.floor(upper / 0x10000) + Math.floor(lower / TWO_POW_32) + Math.floor(lowSum / TWO_POW_32);
    this.fixed64(lowSum % TWO_POW_32, high);
  }

  bytes(value: Uint8Array): void {
    this.varint(value.length);
    this.raw(value);
  }

  /** Bytes already encoded (no length prefix). */
  raw(value: Uint8Array): void {
    this.ensure(value.length);
    this.buffer.set(value, this.pos);
    this.pos += value.length;
  }

  /** The buffer written into now: bytes already written stay where they are in it (it is replaced, not changed, when it grows). */
  get current(): Uint8Array {
    return this.buffer;
  }

  /** Bytes `start` to `end` of `source`, as they are (already encoded fields). */
  rawFrom(source: Uint8Array, start: number, end: number): void {
    this.raw(source.subarray(start, end));
  }

  /** A copy of the last `length` bytes written (Buffer's own slice would be a view). */
  copyLast(length: number): Uint8Array {
    return new Uint8Array(this.buffer.subarray(this.pos - length, this.pos));
  }

  /**
   * Length-delimited bytes from part of `source` (ids, 8 or 16 bytes: a loop, where a view for
   * TypedArray#set would be one more object to allocate).
   */
  bytesFrom(source: Uint8Array, start: number, length: number): void {
    this.varint(length);
    this.ensure(length);
    const buffer = this.buffer;
    let pos = this.pos;
    for (let i = start; i < start + length; i++) buffer[pos++] = source[i];
    this.pos = pos;
  }

  /** A hex id as bytes, straight from its characters (no intermediate array). */
  hexBytes(hex: string): void {
    const length = hex.length >>> 1;
    this.varint(length);
    this.ensure(length);
    const buffer = this.buffer;
    let pos = this.pos;
    for (let i = 0; i < length; i++) {
      buffer[pos++] = HEX_PAIR[((hex.charCodeAt(2 * i) & 0x7f) << 7) | (hex.charCodeAt(2 * i + 1) & 0x7f)];
    }
    this.pos = pos;
  }

  /** Writes a length-delimited UTF-8 string; returns its length in bytes. */
  string(value: string): number {
    const length = value.length;
    this.ensure(length * 3 + 5);
    const start = this.begin();
    const buffer = this.buffer;
    let pos = this.pos;
    for (let i = 0; i < length; i++) {
      const code = value.charCodeAt(i);
      if (code > 0x7f) {
        // Not ASCII: let the native encoder write it (lone surrogates become U+FFFD, as TextEncoder does).
        pos = this.pos + buffer.write(value, this.pos, 'utf8');
        break;
      }
      buffer[pos++] = code;
    }
    this.pos = pos;
    return this.end(start);
  }

  /** Reserves one byte for a length; returns where it is. */
  begin(): number {
    this.ensure(1);
    return this.pos++;
  }

  /**
   * Writes the length of what follows `start`, moving the body along when it takes more than a
   * byte; returns that length (the body is then the last `length` bytes written).
   */
  end(start: number): number {
    const length = this.pos - start - 1;
    if (length < 0x80) {
      this.buffer[start] = length;
      return length;
    }
    const extra = varintSize(length) - 1;
    this.ensure(extra);
    this.buffer.copyWithin(start + 1 + extra, start + 1, this.pos);
    this.pos += extra;
    let at = start;
    let rest = length;
    while (rest >= 0x80) {
      this.buffer[at++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.buffer[at] = rest;
    return length;
  }
}
