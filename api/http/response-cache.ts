import { LRUCache } from 'lru-cache';
import type { PreparedRepresentation, Representation } from './conditional-get';

export interface CachedResponse extends Representation {
  /** What the response read of what readers see (store/tags.ts). */
  tags: readonly string[];
  /** The same as Surrogate-Key and Cache-Tag, written once: a hit only sends them. */
  tagHeaders?: Record<string, string>;
  /** Its headers as a hit sends them, put together at the first hit. */
  prepared?: PreparedRepresentation;
}

/** How many request lines are remembered as naming a cached response (a few per response). */
const REQUEST_LINES = 20_000;

/** Everything a persisted GET's response varies on: the operation, its variables, and the type the client accepts. */
export function cacheKeyOf(hash: string, operationName: string, variables: string, accept: string, event = ''): string {
  // `event`: the release a live box refetches after (api/http/graphql.ts); without one, the key is as warmed.
  return JSON.stringify(event ? [hash, operationName, variables, accept, event] : [hash, operationName, variables, accept]);
}

/**
 * Public responses of persisted operations, in process and bounded in bytes. A publish drops the
 * responses carrying its tags and no others; a response computed while a publish of something it read
 * was landing is not stored: the generation at which each tag was last dropped tells them apart, so
 * the request after a publish sees the publish.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse> | undefined;
  /**
   * The request line and Accept of a request that was answered with a cached response, and that
   * response's key: the same request again is a hit without reading it (the URL's parameters, the
   * operation) again. A dropped response is missed through any line that named it.
   */
  private readonly requests = new LRUCache<string, string>({ max: REQUEST_LINES });
  private readonly byTag = new Map<string, Set<string>>();
  private generation = 0;
  /** When each tag was last dropped; bounded: past its size, every older ticket is refused instead. */
  private readonly droppedAt = new Map<string, number>();
  private floor = 0;

  constructor(maxBytes: number) {
    this.entries =
      maxBytes > 0
        ? new LRUCache({
            maxSize: maxBytes,
            sizeCalculation: (r) => r.body.length + (r.gzip?.length ?? 0) + (r.br?.length ?? 0) + 200 + r.tags.length * 60,
            dispose: (response, key) => this.unlink(key, response.tags),
          })
        : undefined;
  }

  private unlink(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
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

  /** The cached response a request with this URL and Accept was last answered with, if it is still kept. */
  getByRequest(url: string, accept: string | undefined): CachedResponse | undefined {
    const key = this.requests.get(requestLine(url, accept));
    return key === undefined ? undefined : this.entries?.get(key);
  }

  /** Remembers that a request with this URL and Accept is answered by the response kept under key. */
  remember(url: string, accept: string | undefined, key: string): void {
    if (this.entries?.has(key)) this.requests.set(requestLine(url, accept), key);
  }

  set(key: string, ticket: number, response: CachedResponse): void {
    if (!this.entries || ticket < this.floor) return;
    if (response.tags.some((tag) => (this.droppedAt.get(tag) ?? -1) > ticket)) return;
    this.entries.set(key, response);
    if (!this.entries.has(key)) return;
    for (const tag of response.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  /** Drops the responses that read anything these tags name; undefined drops them all. */
  invalidate(tags?: readonly string[]): void {
    // A change readers cannot see (an edit of a working copy) names no tags, and drops nothing.
    if (tags?.length === 0) return;
    this.generation++;
    if (tags === undefined || this.droppedAt.size > 10_000) {
      this.floor = this.generation;
      this.droppedAt.clear();
    }
    if (!this.entries) return;
    if (tags === undefined) {
      this.entries.clear();
      this.byTag.clear();
      this.requests.clear();
      return;
    }
    for (const tag of tags) {
      this.droppedAt.set(tag, this.generation);
      for (const key of [...(this.byTag.get(tag) ?? [])]) this.entries.delete(key);
    }
  }

  /** How many responses are kept (for tests and metrics). */
  get size(): number {
    return this.entries?.size ?? 0;
  }
}

const requestLine = (url: string, accept: string | undefined) => `${accept ?? ''}\n${url}`;
