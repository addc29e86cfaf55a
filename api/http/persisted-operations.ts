import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { repoRoot } from './repo-root';

/** sha256 (hex) of each document the widget build persisted, and the document. */
export type PersistedOperations = ReadonlyMap<string, string>;

/** The manifest the widget build writes; without it no operation is persisted. */
export function loadPersistedOperations(logger: Logger, path = join(repoRoot(), 'dist', 'widgets', 'persisted-operations.json')): PersistedOperations {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    return new Map(Object.entries(manifest));
  } catch (error) {
    logger.warn({ path, err: error }, 'no persisted operations: run npm run build:widgets');
    return new Map();
  }
}
