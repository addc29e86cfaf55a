import type { Kysely } from 'kysely';
import type { Database } from './database';

export type ReferencedTable = 'entities' | 'sources' | 'quotes' | 'entity_facts' | 'entity_relations';

/**
 * The ids, of those given, that name no row of the table (for quotes: no quote of that explainer),
 * in the order given. Writes check references with it before they touch anything.
 */
export async function missingIds(db: Kysely<Database>, table: ReferencedTable, ids: readonly string[], explainerId?: string): Promise<string[]> {
  if (ids.length === 0) return [];
  let query = db.selectFrom(table).select('id').where('id', 'in', [...ids]);
  if (table === 'quotes' && explainerId) query = query.where('explainer_id' as never, '=', explainerId as never);
  const found = new Set((await query.execute()).map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}
