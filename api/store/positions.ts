import type { Kysely } from 'kysely';
import type { Database } from './database';

/** Where the next of an entity's aliases, facts or relations goes: after the last one. */
export async function nextPosition(
  db: Kysely<Database>,
  table: 'entity_aliases' | 'entity_facts' | 'entity_relations',
  column: 'entity_id' | 'subject_id',
  id: string,
): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const row = await (db as Kysely<any>)
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('max'))
    .where(column, '=', id)
    .executeTakeFirst();
  return row?.max == null ? 0 : Number(row.max) + 1;
}
