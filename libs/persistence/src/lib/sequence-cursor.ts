// Opaque page cursors for tables paged by an insertion sequence: the last row's sequence,
// base64url-encoded so clients treat it as a token. A cursor that does not decode is the caller's
// mistake (400), never a 500.
import { ValidationFailedError } from '@obs/observability';

export function encodeCursor(seq: string): string {
  return Buffer.from(`s:${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^s:(\d{1,18})$/.exec(decoded);
  if (match === null) throw new ValidationFailedError('cursor is not a cursor returned by this API');
  return match[1];
}
