// Public ids (usr-<n>) and list cursors: parsing never throws, so bad input becomes a 4xx, not a 500.
import { USER_ID_PATTERN } from '@obs/contracts';

export function idOf(num: string): string {
  return `usr-${num}`;
}

/** The numeric key of a well-formed id, or undefined for anything else. */
export function numOf(id: string): string | undefined {
  return USER_ID_PATTERN.test(id) ? String(BigInt(id.slice(4))) : undefined;
}

export function encodeCursor(num: string): string {
  return Buffer.from(`u:${num}`).toString('base64url');
}

/** undefined for a cursor this service did not issue. */
export function decodeCursor(cursor: string): string | undefined {
  const match = /^u:([0-9]{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1];
}
