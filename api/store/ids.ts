import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** Timestamps are ISO-8601 UTC strings with millisecond precision. */
export const now = (): string => new Date().toISOString();

export type Visibility = 'public' | 'preview';

/** The statuses a reader with this visibility may see: the public, published only; editors, everything. */
export function visibleStatuses(visibility: Visibility): Array<'draft' | 'published' | 'archived'> {
  return visibility === 'public' ? ['published'] : ['draft', 'published', 'archived'];
}
