import type { Kysely } from 'kysely';
import type { Database, EntityFactRow } from './database';
import { changeEntity } from './entity-revision.store';
import { StoreInputError } from './errors';
import { newId, type Visibility } from './ids';
import { nextPosition } from './positions';
import { from } from './scope';
import { cite } from './source.store';

export interface EntityFact {
  id: string;
  entityId: string;
  kind: string;
  label: string;
  value: string;
  date: string | null;
  /** Where a span that starts at `date` ends. */
  dateEnd: string | null;
  hedge: string | null;
}

const toFact = (r: EntityFactRow): EntityFact => ({
  id: r.id,
  entityId: r.entity_id,
  kind: r.kind,
  label: r.label,
  value: r.value,
  date: r.date,
  dateEnd: r.date_end,
  hedge: r.hedge,
});

export async function addFact(
  db: Kysely<Database>,
  entityId: string,
  fact: { kind: string; label: string; value: string; date?: string | null; dateEnd?: string | null; hedge?: string | null; sourceIds?: string[] },
): Promise<EntityFact> {
  const row: EntityFactRow = {
    id: newId(),
    entity_id: entityId,
    position: await nextPosition(db, 'entity_facts', 'entity_id', entityId),
    kind: fact.kind,
    label: fact.label,
    value: fact.value,
    date: fact.date ?? null,
    date_end: fact.dateEnd ?? null,
    hedge: fact.hedge ?? null,
  };
  await db.insertInto('entity_facts').values(row).execute();
  for (const sourceId of fact.sourceIds ?? []) await cite(db, sourceId, { fact_id: row.id });
  return toFact(row);
}

export async function removeFact(db: Kysely<Database>, factId: string): Promise<void> {
  const removed = await db.deleteFrom('entity_facts').where('id', '=', factId).returning('entity_id').executeTakeFirst();
  if (!removed) throw new StoreInputError(['id'], 'no such fact', 'not_found');
  await changeEntity(db, removed.entity_id, undefined, 'remove fact');
}

export async function factsByEntityIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<EntityFact[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(from(visibility, 'entity_facts')).selectAll().where('entity_id', 'in', [...ids]).orderBy('position').execute();
  return rows.map(toFact);
}

export async function factsByIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<EntityFact[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom(from(visibility, 'entity_facts')).selectAll().where('id', 'in', [...ids]).execute()).map(toFact);
}
