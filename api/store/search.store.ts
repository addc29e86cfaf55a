import type { Kysely } from 'kysely';
import type { Database } from './database';
import { searchMatches } from './dialect';
import { type Visibility, visibleStatuses } from './ids';

export interface SearchHit {
  type: 'explainer' | 'entity';
  id: string;
  score: number;
}

/** Explainers and entities matching every folded term (prefix match on each), best first. */
export async function search(
  db: Kysely<Database>,
  terms: string[],
  options: { first: number; offset: number; locale?: string },
  visibility: Visibility,
): Promise<{ hits: SearchHit[]; hasNextPage: boolean }> {
  if (terms.length === 0) return { hits: [], hasNextPage: false };
  const rows = await searchMatches(db, terms, { statuses: visibleStatuses(visibility), locale: options.locale }, options.first + 1, options.offset);
  return {
    hits: rows.slice(0, options.first).map((r) => ({ type: r.doc_type as SearchHit['type'], id: r.doc_id, score: Number(r.score) })),
    hasNextPage: rows.length > options.first,
  };
}
