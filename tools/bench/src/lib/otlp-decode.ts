// Decodes the parts of an OTLP ExportTraceServiceRequest (protobuf) the bench needs: per span its
// ids, name, kind, times, attributes and the resource's service.name. A hand-written wire-format
// reader, because no installed package exposes an OTLP request *decoder* (the SDK only encodes).
// Field numbers: opentelemetry/proto/{collector/trace/v1/trace_service,trace/v1/trace,common/v1/common}.proto.

export type AttributeValue = string | number | boolean;

export interface DecodedSpan {
  service: string;
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startMs: number;
  endMs: number;
  attributes: Record<string, AttributeValue>;
}

export const SPAN_KIND = { internal: 1, server: 2, client: 3 } as const;

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer, private readonly end = buf.length) {}

  done(): boolean {
    return this.pos >= this.end;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.end) throw new Error('truncated varint');
      const byte = this.buf[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  }

  fixed64(): bigint {
    const value = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    return value;
  }

  double(): number {
    const value = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return value;
  }

  /** A sub-reader over the next length-delimited field. */
  sub(): Reader {
    const length = Number(this.varint());
    const start = this.pos;
    if (start + length > this.end) throw new Error('truncated length-delimited field');
    this.pos += length;
    const reader = new Reader(this.buf, start + length);
    reader.pos = start;
    return reader;
  }

  bytes(): Buffer {
    const sub = this.sub();
    return this.buf.subarray(sub.pos, sub.end);
  }

  string(): string {
    return this.bytes().toString('utf8');
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.sub();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }

  /** Iterates the fields of this message: calls fn(field, wireType) which must consume the value or return false. */
  each(fn: (field: number, wireType: number) => boolean): void {
    while (!this.done()) {
      const tag = Number(this.varint());
      const field = tag >>> 3;
      const wireType = tag & 7;
      if (!fn(field, wireType)) this.skip(wireType);
    }
  }
}

function anyValue(r: Reader): AttributeValue | undefined {
  let value: AttributeValue | undefined;
  r.each((field, wire) => {
    if (field === 1 && wire === 2) value = r.string();
    else if (field === 2 && wire === 0) value = r.varint() !== 0n;
    else if (field === 3 && wire === 0) value = Number(BigInt.asIntN(64, r.varint()));
    else if (field === 4 && wire === 1) value = r.double();
    else return false;
    return true;
  });
  return value;
}

function keyValue(r: Reader, into: Record<string, AttributeValue>): void {
  let key = '';
  let value: AttributeValue | undefined;
  r.each((field, wire) => {
    if (field === 1 && wire === 2) key = r.string();
    else if (field === 2 && wire === 2) value = anyValue(r.sub());
    else return false;
    return true;
  });
  if (key && value !== undefined) into[key] = value;
}

const nanosToMs = (nanos: bigint) => Number(nanos / 1000n) / 1000;

function span(r: Reader, service: string): DecodedSpan {
  const out: DecodedSpan = { service, traceId: '', spanId: '', parentSpanId: '', name: '', kind: 0, startMs: 0, endMs: 0, attributes: {} };
  r.each((field, wire) => {
    if (field === 1 && wire === 2) out.traceId = r.bytes().toString('hex');
    else if (field === 2 && wire === 2) out.spanId = r.bytes().toString('hex');
    else if (field === 4 && wire === 2) out.parentSpanId = r.bytes().toString('hex');
    else if (field === 5 && wire === 2) out.name = r.string();
    else if (field === 6 && wire === 0) out.kind = Number(r.varint());
    else if (field === 7 && wire === 1) out.startMs = nanosToMs(r.fixed64());
    else if (field === 8 && wire === 1) out.endMs = nanosToMs(r.fixed64());
    else if (field === 9 && wire === 2) keyValue(r.sub(), out.attributes);
    else return false;
    return true;
  });
  return out;
}

function resourceServiceName(r: Reader): string {
  const attributes: Record<string, AttributeValue> = {};
  r.each((field, wire) => {
    if (field === 1 && wire === 2) keyValue(r.sub(), attributes);
    else return false;
    return true;
  });
  return String(attributes['service.name'] ?? '');
}

/** All spans of one ExportTraceServiceRequest body (the gRPC message, without the 5-byte frame). */
export function decodeTraceExport(body: Buffer): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  const request = new Reader(body);
  request.each((field, wire) => {
    if (field !== 1 || wire !== 2) return false;
    // ResourceSpans: the resource may come after its spans, so read the spans once its name is known.
    const resourceSpans = request.sub();
    let service = '';
    const scopes: Reader[] = [];
    resourceSpans.each((f, w) => {
      if (f === 1 && w === 2) service = resourceServiceName(resourceSpans.sub());
      else if (f === 2 && w === 2) scopes.push(resourceSpans.sub());
      else return false;
      return true;
    });
    for (const scope of scopes) {
      scope.each((f, w) => {
        if (f === 2 && w === 2) spans.push(span(scope.sub(), service));
        else return false;
        return true;
      });
    }
    return true;
  });
  return spans;
}
