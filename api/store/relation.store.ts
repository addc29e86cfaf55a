import type { Kysely } from 'kysely';
import type { Database, EntityRelationRow } from './database';
import { changeEntity } from './entity-revision.store';
import { StoreInputError } from './errors';
import { newId, type Visibility, visibleStatuses } from './ids';
import { nextPosition } from './positions';
import { from } from './scope';
import { cite } from './source.store';

export interface EntityRelation {
  id: string;
  subjectId: string;
  predicate: string;
  objectId: string;
  hedge: string | null;
  note: string | null;
}

const toRelation = (r: EntityRelationRow): EntityRelation => ({
  id: r.id,
  subjectId: r.subject_id,
  predicate: r.predicate,
  objectId: r.object_id,
  hedge: r.hedge,
  note: r.note,
});

export async function addRelation(
  db: Kysely<Database>,
  relation: { subjectId: string; predicate: string; objectId: string; hedge?: string | null; note?: string | null; sourceIds?: string[] },
): Promise<EntityRelation> {
  if (relation.subjectId === relation.objectId) throw new StoreInputError(['objectId'], 'an entity cannot relate to itself');
  const row: EntityRelationRow = {
    id: newId(),
    subject_id: relation.subjectId,
    predicate: relation.predicate,
    object_id: relation.objectId,
    position: await nextPosition(db, 'entity_relations', 'subject_id', relation.subjectId),
    hedge: relation.hedge ?? null,
    note: relation.note ?? null,
  };
  await db.insertInto('entity_relations').values(row).execute();
  for (const sourceId of relation.sourceIds ?? []) await cite(db, sourceId, { relation_id: row.id });
  return toRelation(row);
}

export async function removeRelation(db: Kysely<Database>, relationId: string): Promise<void> {
  const removed = await db.deleteFrom('entity_relations').where('id', '=', relationId).returning('subject_id').executeTakeFirst();
  if (!removed) throw new StoreInputError(['id'], 'no such relation', 'not_found');
  await changeEntity(db, removed.subject_id, undefined, 'remove relation');
}

/** Relations in either direction, whose other end the reader may see. */
export async function relationsByEntityIds(
  db: Kysely<Database>,
  ids: readonly string[],
  direction: 'outgoing' | 'incoming',
  visibility: Visibility,
): Promise<EntityRelation[]> {
  if (ids.length === 0) return [];
  const [own, other] = direction === 'outgoing' ? (['subject_id', 'object_id'] as const) : (['object_id', 'subject_id'] as const);
  const rows = await db
    .selectFrom(from(visibility, 'entity_relations'))
    .innerJoin(from(visibility, 'entities'), 'entities.id', `entity_relations.${other}`)
    .selectAll('entity_relations')
    .where(`entity_relations.${own}`, 'in', [...ids])
    .where('entities.status', 'in', visibleStatuses(visibility))
    .orderBy('entity_relations.position')
    .execute();
  return rows.map(toRelation);
}

export async function relationsByIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<EntityRelation[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom(from(visibility, 'entity_relations')).selectAll().where('id', 'in', [...ids]).execute()).map(toRelation);
}
