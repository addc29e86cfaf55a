import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Apollo's cache of parsed and validated documents, bounded by what a parsed document really
 * holds. Apollo's own measures a document by its JSON (30 MiB of it by default), which leaves out
 * the parser's tokens and locations: an AST takes tens of times its source in memory, and a stream
 * of distinct documents (a client building queries, a fuzzer, an attacker) grew the process by
 * hundreds of MB. Measured here by source length, 256 KiB of it: the widget's and the pages' few
 * documents stay parsed, the long tail is parsed again.
 */
export function documentStore(maxSourceChars = 256 * 1024) {
  const entries = new LRUCache<string, DocumentNode>({ maxSize: maxSourceChars, sizeCalculation: (document) => Math.max(1, document.loc?.source.body.length ?? 1_000) });
  return {
    async get(key: string) {
      return entries.get(key);
    },
    async set(key: string, value: DocumentNode) {
      entries.set(key, value);
    },
    async delete(key: string) {
      return entries.delete(key);
    },
  };
}
