import { createHash } from 'node:crypto';
import { type Representation, representation } from './conditional-get';

/** A file held in memory with its validator and its compressed copies, made once at start. */
export type StaticFile = Representation;

/** Hex digest prefix used in file names. */
export function contentHash(bytes: Buffer | string, length = 16): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, length);
}

/** Compressed at their best once: every reader of every partner page gets the small copy for free. */
export function staticFile(body: Buffer | string, type: string): StaticFile {
  return representation(body, type, 'best');
}

export { sendRepresentation as sendStatic } from './conditional-get';
