import { decodeCursor, encodeCursor, idOf, numOf } from './user-ids';

describe('user ids and cursors', () => {
  it('round-trips public ids and normalises leading zeros', () => {
    expect(numOf('usr-100')).toBe('100');
    expect(idOf(numOf('usr-0042') ?? '')).toBe('usr-42');
  });

  it.each(['', 'usr-', 'usr-abc', 'USR-1', 'usr-1 ', `usr-${'9'.repeat(13)}`, '../usr-1'])('rejects %j', (id) => {
    expect(numOf(id)).toBeUndefined();
  });

  it('decodes only cursors it issued', () => {
    expect(decodeCursor(encodeCursor('149'))).toBe('149');
    expect(decodeCursor('bm9wZQ')).toBeUndefined();
    expect(decodeCursor('%%%')).toBeUndefined();
    expect(decodeCursor(Buffer.from('u:1; DROP TABLE users').toString('base64url'))).toBeUndefined();
  });
});
