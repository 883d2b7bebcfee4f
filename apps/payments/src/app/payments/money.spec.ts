import { decodeCursor, encodeCursor } from '@obs/persistence';
import { fromCents, parseDecimalAmount, toCents } from './money';

describe('money', () => {
  it('converts decimals to exact cents and back', () => {
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(toCents(19.99)).toBe(1999);
    expect(fromCents('1999')).toBe(19.99);
  });

  it.each(['12.34', '0.01', '100000000'])('accepts the gRPC amount %s', (value) => {
    expect(parseDecimalAmount(value)).toBe(Math.round(Number(value) * 100));
  });

  it.each(['', '-1', '0', '0.00', '1.234', '1e3', 'abc', '100000000.01', '1234567890'])('rejects the gRPC amount "%s"', (value) => {
    expect(() => parseDecimalAmount(value)).toThrow(/amount/);
  });
});

describe('cursor', () => {
  it('round-trips a sequence number', () => {
    expect(decodeCursor(encodeCursor('12345'))).toBe('12345');
  });

  it.each(['', 'garbage', Buffer.from('s:-1').toString('base64url'), Buffer.from('s:1;drop').toString('base64url')])(
    'rejects the forged cursor "%s"',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(/cursor/);
    },
  );
});
