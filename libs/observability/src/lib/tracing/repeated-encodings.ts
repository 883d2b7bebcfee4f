// Encoded bytes of what repeats from span to span. A server's spans carry the same attribute keys
// and mostly the same values (method, route, scheme, protocol, client, user agent, status, and the
// span name), and encoding their strings character by character was the largest part of the
// encoder's cost (docs/performance.md). Bounded: a key keeps at most VALUES_PER_KEY values, so a
// high-cardinality attribute such as url.path stops being remembered (its key's bytes still are),
// and the whole cache holds at most about MAX_KEYS × VALUES_PER_KEY × MAX_BYTES.
import type { AttributeValue } from '@opentelemetry/api';
import { LENGTH_DELIMITED, ProtobufWriter } from './protobuf-writer';

const MAX_KEYS = 128;
const VALUES_PER_KEY = 32;
const MAX_BYTES = 256;

/** Scalars only: arrays and maps are neither compared nor remembered. */
export type RepeatableValue = string | number | boolean;

export function isRepeatable(value: AttributeValue | undefined): value is RepeatableValue {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean';
}

/** The encoded fields of up to VALUES_PER_KEY values of one kind (one attribute key, or span names). */
export class ValueEncodings {
  private readonly values = new Map<RepeatableValue, Uint8Array>();
  // The value found last, checked first: comparing strings needs no hash, and a fresh string from a
  // request (a user agent, a client address) has none computed yet.
  private lastValue: RepeatableValue | undefined;
  private lastBytes: Uint8Array | undefined;

  get(value: RepeatableValue): Uint8Array | undefined {
    if (value === this.lastValue) return this.lastBytes;
    const bytes = this.values.get(value);
    if (bytes !== undefined) {
      this.lastValue = value;
      this.lastBytes = bytes;
    }
    return bytes;
  }

  /** Remembers a copy of the last `length` bytes the writer wrote for this value, while there is room. */
  remember(value: RepeatableValue, writer: ProtobufWriter, length: number): void {
    if (length > MAX_BYTES || this.values.size >= VALUES_PER_KEY) return;
    const bytes = writer.copyLast(length);
    this.values.set(value, bytes);
    this.lastValue = value;
    this.lastBytes = bytes;
  }
}

/** One attribute key: its KeyValue.key field, encoded, and the encodings of its repeated values. */
export class AttributeEncodings extends ValueEncodings {
  constructor(
    readonly key: string,
    readonly keyField: Uint8Array,
  ) {
    super();
  }
}

/** KeyValue.key, tag and length included; null when longer than MAX_BYTES. */
function keyField(key: string): Uint8Array | null {
  const writer = new ProtobufWriter(key.length * 3 + 8);
  writer.tag(1, LENGTH_DELIMITED);
  const length = writer.string(key);
  return length > MAX_BYTES ? null : writer.finish();
}

export class RepeatedAttributes {
  /** null for a key too long to keep (counted, so that it is not encoded again to find out). */
  private readonly byKey = new Map<string, AttributeEncodings | null>();
  /** The key met last at each position: spans of one kind list their keys in the same order. */
  private readonly byPosition: (AttributeEncodings | undefined)[] = [];

  /**
   * The encodings of the key at `position` in a span's attributes, created on first sight while
   * there is room; undefined for keys not kept.
   */
  forKey(key: string, position: number): AttributeEncodings | undefined {
    const recent = this.byPosition[position];
    if (recent !== undefined && recent.key === key) return recent;
    const found = this.lookUp(key);
    if (found !== undefined && position < MAX_KEYS) this.byPosition[position] = found;
    return found;
  }

  private lookUp(key: string): AttributeEncodings | undefined {
    const known = this.byKey.get(key);
    if (known !== undefined) return known ?? undefined;
    if (this.byKey.size >= MAX_KEYS) return undefined;
    const field = keyField(key);
    const created = field && new AttributeEncodings(key, field);
    this.byKey.set(key, created);
    return created ?? undefined;
  }
}
