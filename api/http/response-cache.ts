import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface CachedResponse {
  body: Buffer;
  etag: string;
  contentType: string;
}

/**
 * Public responses of persisted operations, in process and bounded in bytes. Any change to
 * content clears it, and a response computed while a change was landing is not stored: a
 * generation counter tells them apart, so the request after a publish sees the publish.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse> | undefined;
  private generation = 0;

  constructor(maxBytes: number) {
    this.entries = maxBytes > 0 ? new LRUCache({ maxSize: maxBytes, sizeCalculation: (r) => r.body.length + 200 }) : undefined;
  }

  get enabled(): boolean {
    return this.entries !== undefined;
  }

  /** A ticket to store what is computed from now on, valid until the next invalidation. */
  ticket(): number {
    return this.generation;
  }

  get(key: string): CachedResponse | undefined {
    return this.entries?.get(key);
  }

  set(key: string, ticket: number, response: CachedResponse): void {
    if (ticket === this.generation) this.entries?.set(key, response);
  }

  invalidate(): void {
    this.generation++;
    this.entries?.clear();
  }
}

/** A strong validator: the same bytes always get the same ETag. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this ETag (or is *). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
