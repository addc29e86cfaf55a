/**
 * Which copy of the content a read sees. Readers (visibility 'public') see the released_ tables,
 * which only publishing writes; editors with preview see the working tables they edit.
 */
import type { ReleasedTable } from './database';
import type { Visibility } from './ids';

/**
 * The table to read for this visibility, aliased to the working table's own name: queries, joins and
 * column references stay the same whichever copy they read.
 */
export function from<T extends ReleasedTable>(visibility: Visibility, table: T): T {
  return (visibility === 'public' ? `released_${table} as ${table}` : table) as T;
}
