import { ProtobufWriter } from './protobuf-writer';
import { isRepeatable, RepeatedAttributes, ValueEncodings } from './repeated-encodings';

function written(text: string): [ProtobufWriter, number] {
  const writer = new ProtobufWriter();
  return [writer, writer.string(text)];
}

describe('repeated encodings', () => {
  it('returns a copy of what was written for the same value, unaffected by later writes', () => {
    const methods = new ValueEncodings();
    const [writer, length] = written('GET');
    methods.remember('GET', writer, length);
    writer.reset();
    writer.string('POST');
    expect(Buffer.from(methods.get('GET') ?? [])).toEqual(Buffer.from('GET'));
    expect(methods.get('POST')).toBeUndefined();
  });

  it('finds each remembered value when they alternate', () => {
    const methods = new ValueEncodings();
    for (const method of ['GET', 'POST']) {
      const [writer, length] = written(method);
      methods.remember(method, writer, length);
    }
    for (const method of ['GET', 'POST', 'POST', 'GET', 'PUT', 'GET']) {
      expect(Buffer.from(methods.get(method) ?? []).toString()).toBe(method === 'PUT' ? '' : method);
    }
  });

  it('tells apart values that encode differently', () => {
    const statuses = new ValueEncodings();
    const [writer, length] = written('200');
    statuses.remember('200', writer, length);
    expect(statuses.get(200)).toBeUndefined();
    expect(statuses.get('200')).toBeDefined();
  });

  it("encodes each key's KeyValue.key field once, tag and length included", () => {
    const attributes = new RepeatedAttributes();
    const route = attributes.forKey('http.route', 0);
    expect(Buffer.from(route?.keyField ?? [])).toEqual(Buffer.concat([Buffer.from([0x0a, 10]), Buffer.from('http.route')]));
    expect(attributes.forKey('http.route', 0)).toBe(route);
    // Found by its key wherever it stands, and another key at its position does not take its place.
    expect(attributes.forKey('url.path', 0)?.key).toBe('url.path');
    expect(attributes.forKey('http.route', 3)).toBe(route);
    expect(Buffer.from(attributes.forKey('k'.repeat(200), 1)?.keyField ?? []).subarray(0, 3)).toEqual(Buffer.from([0x0a, 0xc8, 0x01]));
  });

  it('stays bounded: at most 32 values per key, 128 keys, and nothing over 256 bytes', () => {
    const paths = new ValueEncodings();
    const [writer, length] = written('x');
    for (let i = 0; i < 100; i++) paths.remember(`/p/${i}`, writer, length);
    expect(paths.get('/p/31')).toBeDefined();
    expect(paths.get('/p/32')).toBeUndefined();
    const [longWriter, longLength] = written('y'.repeat(300));
    paths.remember('long', longWriter, longLength);
    expect(paths.get('long')).toBeUndefined();

    const attributes = new RepeatedAttributes();
    expect(attributes.forKey('z'.repeat(300), 0)).toBeUndefined();
    for (let i = 0; i < 200; i++) attributes.forKey(`key.${i}`, i);
    // The over-long key took one of the 128 places.
    expect(attributes.forKey('key.126', 0)).toBeDefined();
    expect(attributes.forKey('key.127', 0)).toBeUndefined();
  });

  it('remembers scalars only', () => {
    expect([['a'], 'a', 1, true, undefined, { a: 1 }].map((v) => isRepeatable(v as never))).toEqual([false, true, true, true, false, false]);
  });
});
