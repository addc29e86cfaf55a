import { StoreInputError } from './errors';

/** Keyset pagination shared by every listing: opaque cursors over a sort key. */
export interface PageArgs {
  first: number;
  after?: string | null;
}

export interface Page<T> {
  items: Array<{ node: T; cursor: string }>;
  hasNextPage: boolean;
}

export function encodeCursor(key: Array<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key inside a cursor, or undefined for none; a malformed one is the client's error. */
export function decodeCursor(cursor: string | null | undefined): Array<string | number> | undefined {
  if (cursor == null) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length > 0 && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    // fall through
  }
  throw new StoreInputError(['after'], 'not a cursor this API issued');
}
