import type { Kysely } from 'kysely';
import { foldName, foldText } from '../text/fold';
import type { Database, EntityAliasRow, EntityFactRow, EntityRelationRow, EntityRow, PublicationStatus } from './database';
import { isUniqueViolation } from './dialect';
import { StoreInputError } from './errors';
import { newId, now, type Visibility, visibleStatuses } from './ids';
import { type Page, type PageArgs, decodeCursor, encodeCursor } from './page';

export interface Entity {
  id: string;
  slug: string;
  kind: string;
  name: string;
  description: string;
  summary: string;
  wikidataId: string | null;
  status: PublicationStatus;
  createdAt: string;
  updatedAt: string;
}

export interface EntityAlias {
  id: string;
  entityId: string;
  locale: string;
  name: string;
}

export interface EntityFact {
  id: string;
  entityId: string;
  kind: string;
  label: string;
  value: string;
  date: string | null;
  hedge: string | null;
}

export interface EntityRelation {
  id: string;
  subjectId: string;
  predicate: string;
  objectId: string;
  hedge: string | null;
  note: string | null;
}

export interface NewEntity {
  slug: string;
  kind: string;
  name: string;
  description: string;
  summary: string;
  wikidataId?: string | null;
  status?: PublicationStatus;
}

const toEntity = (r: EntityRow): Entity => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind,
  name: r.name,
  description: r.description,
  summary: r.summary,
  wikidataId: r.wikidata_id,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toAlias = (r: EntityAliasRow): EntityAlias => ({ id: r.id, entityId: r.entity_id, locale: r.locale, name: r.name });
const toFact = (r: EntityFactRow): EntityFact => ({
  id: r.id,
  entityId: r.entity_id,
  kind: r.kind,
  label: r.label,
  value: r.value,
  date: r.date,
  hedge: r.hedge,
});
const toRelation = (r: EntityRelationRow): EntityRelation => ({
  id: r.id,
  subjectId: r.subject_id,
  predicate: r.predicate,
  objectId: r.object_id,
  hedge: r.hedge,
  note: r.note,
});

export async function createEntity(db: Kysely<Database>, input: NewEntity): Promise<Entity> {
  const at = now();
  const row: EntityRow = {
    id: newId(),
    slug: input.slug,
    kind: input.kind,
    name: input.name,
    description: input.description,
    summary: input.summary,
    wikidata_id: input.wikidataId ?? null,
    status: input.status ?? 'draft',
    created_at: at,
    updated_at: at,
  };
  try {
    await db.insertInto('entities').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new StoreInputError(['slug'], `an entity with slug "${input.slug}" exists`, 'conflict');
    throw error;
  }
  await addAlias(db, row.id, { name: input.name, locale: 'en' });
  return toEntity(row);
}

/** One alias names one entity per locale; a second entity claiming it is a conflict. */
export async function addAlias(db: Kysely<Database>, entityId: string, alias: { name: string; locale: string }): Promise<EntityAlias> {
  const normalized = foldName(alias.name);
  if (!normalized) throw new StoreInputError(['name'], 'an alias needs at least one letter or digit');
  const existing = await db
    .selectFrom('entity_aliases')
    .selectAll()
    .where('locale', '=', alias.locale)
    .where('normalized', '=', normalized)
    .executeTakeFirst();
  if (existing) {
    if (existing.entity_id === entityId) return toAlias(existing);
    throw new StoreInputError(['name'], `the alias "${alias.name}" already names another entity in locale ${alias.locale}`, 'conflict');
  }
  const position = await nextPosition(db, 'entity_aliases', 'entity_id', entityId);
  const row: EntityAliasRow = { id: newId(), entity_id: entityId, locale: alias.locale, name: alias.name, normalized, position };
  await db.insertInto('entity_aliases').values(row).execute();
  await indexEntity(db, entityId);
  return toAlias(row);
}

export async function addFact(
  db: Kysely<Database>,
  entityId: string,
  fact: { kind: string; label: string; value: string; date?: string | null; hedge?: string | null; sourceIds?: string[] },
): Promise<EntityFact> {
  const row: EntityFactRow = {
    id: newId(),
    entity_id: entityId,
    position: await nextPosition(db, 'entity_facts', 'entity_id', entityId),
    kind: fact.kind,
    label: fact.label,
    value: fact.value,
    date: fact.date ?? null,
    hedge: fact.hedge ?? null,
  };
  await db.insertInto('entity_facts').values(row).execute();
  for (const sourceId of fact.sourceIds ?? []) await cite(db, sourceId, { fact_id: row.id });
  return toFact(row);
}

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

export async function publishEntity(db: Kysely<Database>, entityId: string): Promise<void> {
  await db.updateTable('entities').set({ status: 'published', updated_at: now() }).where('id', '=', entityId).execute();
  await indexEntity(db, entityId);
}

async function cite(db: Kysely<Database>, sourceId: string, target: { fact_id?: string; relation_id?: string }) {
  await db
    .insertInto('citations')
    .values({
      id: newId(),
      source_id: sourceId,
      fact_id: target.fact_id ?? null,
      relation_id: target.relation_id ?? null,
      section_id: null,
      block: null,
      paragraph: null,
      start: null,
      end: null,
    })
    .execute();
}

async function nextPosition(
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

/** Rewrites the entity's search document from its name, aliases, description and summary. */
export async function indexEntity(db: Kysely<Database>, entityId: string): Promise<void> {
  const entity = await db.selectFrom('entities').selectAll().where('id', '=', entityId).executeTakeFirst();
  if (!entity) return;
  const aliases = await db.selectFrom('entity_aliases').select('name').where('entity_id', '=', entityId).orderBy('position').execute();
  const document = {
    doc_type: 'entity' as const,
    doc_id: entityId,
    locale: 'en',
    status: entity.status,
    title: foldText([entity.name, ...aliases.map((a) => a.name)].join(' ')),
    body: foldText(`${entity.description} ${entity.summary}`),
  };
  await db
    .insertInto('search_documents')
    .values(document)
    .onConflict((oc) => oc.columns(['doc_type', 'doc_id']).doUpdateSet({ status: document.status, title: document.title, body: document.body }))
    .execute();
}

// Reads. Every read takes the reader's visibility: the public sees published entities only.

export async function findEntity(
  db: Kysely<Database>,
  by: { id?: string; slug?: string; name?: string; locale?: string },
  visibility: Visibility,
): Promise<Entity | undefined> {
  let query = db.selectFrom('entities').selectAll('entities').where('entities.status', 'in', visibleStatuses(visibility));
  if (by.id !== undefined) query = query.where('entities.id', '=', by.id);
  if (by.slug !== undefined) query = query.where('entities.slug', '=', by.slug);
  if (by.name !== undefined) {
    const normalized = foldName(by.name);
    if (!normalized) return undefined;
    query = query
      .innerJoin('entity_aliases', 'entity_aliases.entity_id', 'entities.id')
      .where('entity_aliases.normalized', '=', normalized)
      // An alias in the reader's locale wins over the same alias in another locale.
      .orderBy((eb) => eb.case().when('entity_aliases.locale', '=', by.locale ?? 'en').then(0).else(1).end())
      .limit(1);
  }
  const row = await query.executeTakeFirst();
  return row && toEntity(row);
}

export async function entitiesByIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<Entity[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('entities')
    .selectAll()
    .where('id', 'in', [...ids])
    .where('status', 'in', visibleStatuses(visibility))
    .execute();
  return rows.map(toEntity);
}

export async function listEntities(
  db: Kysely<Database>,
  args: PageArgs & { kind?: string },
  visibility: Visibility,
): Promise<Page<Entity>> {
  const after = decodeCursor(args.after);
  let query = db.selectFrom('entities').selectAll().where('status', 'in', visibleStatuses(visibility));
  if (args.kind) query = query.where('kind', '=', args.kind);
  if (after) {
    const [name, id] = after.map(String);
    query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  const rows = await query.orderBy('name').orderBy('id').limit(args.first + 1).execute();
  const items = rows.slice(0, args.first).map(toEntity);
  return {
    items: items.map((e) => ({ node: e, cursor: encodeCursor([e.name, e.id]) })),
    hasNextPage: rows.length > args.first,
  };
}

export async function aliasesByEntityIds(db: Kysely<Database>, ids: readonly string[]): Promise<EntityAlias[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('entity_aliases').selectAll().where('entity_id', 'in', [...ids]).orderBy('position').execute();
  return rows.map(toAlias);
}

export async function factsByEntityIds(db: Kysely<Database>, ids: readonly string[]): Promise<EntityFact[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('entity_facts').selectAll().where('entity_id', 'in', [...ids]).orderBy('position').execute();
  return rows.map(toFact);
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
    .selectFrom('entity_relations')
    .innerJoin('entities', 'entities.id', `entity_relations.${other}`)
    .selectAll('entity_relations')
    .where(`entity_relations.${own}`, 'in', [...ids])
    .where('entities.status', 'in', visibleStatuses(visibility))
    .orderBy('entity_relations.position')
    .execute();
  return rows.map(toRelation);
}

export async function factsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<EntityFact[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('entity_facts').selectAll().where('id', 'in', [...ids]).execute()).map(toFact);
}

export async function relationsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<EntityRelation[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('entity_relations').selectAll().where('id', 'in', [...ids]).execute()).map(toRelation);
}
