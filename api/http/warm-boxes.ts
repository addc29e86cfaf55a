/**
 * Publishing warms the response cache: right after a write commits, the boxes it rendered again
 * (http/released-boxes.ts) go into this process's cache under the key a browser's request has, so the
 * first reader gets a hit. Other replicas drop their copies and read the kept boxes on their next miss.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import { BROWSER_ACCEPT, type ReleasedBoxes } from './released-boxes';
import { type ResponseCache, cacheKeyOf } from './response-cache';

export function boxWarmer(options: { db: Kysely<Database>; cache: ResponseCache; boxes: ReleasedBoxes }) {
  const { db, cache, boxes } = options;
  return async (tags: readonly string[]): Promise<void> => {
    if (!cache.enabled || !boxes.hash) return;
    // Taken after the publish's own invalidation: a later one of the same tags refuses these entries.
    const ticket = cache.ticket();
    for (const { variables, response } of await boxes.current(db, tags)) {
      cache.set(cacheKeyOf(boxes.hash, 'ContextBox', variables, BROWSER_ACCEPT), ticket, response);
    }
  };
}
