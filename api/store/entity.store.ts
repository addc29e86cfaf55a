import type { Kysely } from 'kysely';
import { foldName } from '../text/fold';
import type { Database, EntityAliasRow, EntityFactRow, EntityRelationRow, EntityRow, PublicationStatus } from './database';
import { isUniqueViolation } from './dialect';
import { StoreInputError } from './errors';
import { newId, now, type Visibility, visibleStatuses } from './ids';
import { type Page, type PageArgs, decodeCursor, encodeCursor } from './page';
import { from } from './scope';
import { indexEntity } from './search.store';
import { type Actor, changeExplainer } from './revision.store';
import { cite } from './source.store';
import { takeNextVersion } from './versions';

export interface Entity {
  id: string;
  /** Set on an entity found by the id of an entity merged into it: that old id. */
  lookupId?: string;
  slug: string;
  kind: string;
  name: string;
  description: string;
  summary: string;
  wikidataId: string | null;
  status: PublicationStatus;
  version: number;
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
  version: Number(r.version),
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

/** Versions taken in a transaction whose revisions are not written yet, by transaction. */
const unrecorded = new WeakMap<object, Array<{ entityId: string; version: number; action: string }>>();

/**
 * Records one change to an entity: its next version (see takeNextVersion). Call before the change, in
 * its transaction; recordEntityRevisions writes the revision (the snapshot after every change of the
 * transaction) before it commits, so that an entity's version always equals its number of revisions.
 */
export async function changeEntity(db: Kysely<Database>, entityId: string, expectedVersion?: number, action = 'update'): Promise<number> {
  const version = await takeNextVersion(db, 'entities', entityId, expectedVersion);
  let list = unrecorded.get(db);
  if (!list) unrecorded.set(db, (list = []));
  list.push({ entityId, version, action });
  return version;
}

/** Writes the revisions of the entity changes made in this transaction. Call last, inside it. */
export async function recordEntityRevisions(db: Kysely<Database>, actor: Actor): Promise<void> {
  const list = unrecorded.get(db) ?? [];
  unrecorded.delete(db);
  for (const { entityId, version, action } of list) {
    const snapshot = await snapshotEntity(db, entityId);
    const previous = await db
      .selectFrom('entity_revisions')
      .select('snapshot')
      .where('entity_id', '=', entityId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const before = previous ? (JSON.parse(previous.snapshot) as EntitySnapshot) : undefined;
    await db
      .insertInto('entity_revisions')
      .values({
        id: newId(),
        entity_id: entityId,
        version,
        key_id: actor.keyId,
        action,
        diff: JSON.stringify(diffEntitySnapshots(before, snapshot)),
        snapshot: JSON.stringify(snapshot),
        created_at: now(),
      })
      .execute();
  }
}

export interface EntitySnapshot {
  slug: string;
  kind: string;
  name: string;
  description: string;
  summary: string;
  wikidataId: string | null;
  status: string;
  mergedInto: string | null;
  aliases: Array<{ name: string; locale: string }>;
  facts: Array<{ id: string; kind: string; label: string; value: string; date: string | null; hedge: string | null }>;
  relations: Array<{ id: string; predicate: string; objectId: string; hedge: string | null; note: string | null }>;
}

export async function snapshotEntity(db: Kysely<Database>, entityId: string): Promise<EntitySnapshot> {
  const e = await db.selectFrom('entities').selectAll().where('id', '=', entityId).executeTakeFirstOrThrow();
  const aliases = await db.selectFrom('entity_aliases').select(['name', 'locale']).where('entity_id', '=', entityId).orderBy('position').execute();
  const facts = await db.selectFrom('entity_facts').select(['id', 'kind', 'label', 'value', 'date', 'hedge']).where('entity_id', '=', entityId).orderBy('position').execute();
  const relations = await db
    .selectFrom('entity_relations')
    .select(['id', 'predicate', 'object_id', 'hedge', 'note'])
    .where('subject_id', '=', entityId)
    .orderBy('position')
    .execute();
  return {
    slug: e.slug,
    kind: e.kind,
    name: e.name,
    description: e.description,
    summary: e.summary,
    wikidataId: e.wikidata_id,
    status: e.status,
    mergedInto: e.merged_into,
    aliases,
    facts,
    relations: relations.map((r) => ({ id: r.id, predicate: r.predicate, objectId: r.object_id, hedge: r.hedge, note: r.note })),
  };
}

export function diffEntitySnapshots(before: EntitySnapshot | undefined, after: EntitySnapshot): Array<{ path: string; before: unknown; after: unknown }> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const fields = ['slug', 'kind', 'name', 'description', 'summary', 'wikidataId', 'status', 'mergedInto', 'aliases', 'facts', 'relations'] as const;
  return fields.filter((f) => !before || !same(before[f], after[f])).map((f) => ({ path: f, before: before?.[f] ?? null, after: after[f] }));
}

export interface EntityRevision {
  id: string;
  entityId: string;
  version: number;
  keyId: string | null;
  action: string;
  diff: Array<{ path: string; before: unknown; after: unknown }>;
  snapshot: EntitySnapshot;
  createdAt: string;
}

/** Newest first. */
export async function entityRevisionsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<EntityRevision[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('entity_revisions').selectAll().where('entity_id', 'in', [...ids]).orderBy('version', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    entityId: r.entity_id,
    version: Number(r.version),
    keyId: r.key_id,
    action: r.action,
    diff: JSON.parse(r.diff),
    snapshot: JSON.parse(r.snapshot) as EntitySnapshot,
    createdAt: r.created_at,
  }));
}

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
    version: 1,
    created_at: at,
    updated_at: at,
    merged_into: null,
  };
  try {
    await db.insertInto('entities').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new StoreInputError(['slug'], `an entity with slug "${input.slug}" exists`, 'conflict');
    throw error;
  }
  await addAlias(db, row.id, { name: input.name, locale: 'en' });
  let list = unrecorded.get(db);
  if (!list) unrecorded.set(db, (list = []));
  list.push({ entityId: row.id, version: 1, action: 'create' });
  return toEntity(row);
}

/** Adds many aliases and indexes the entity once. */
export async function addAliases(db: Kysely<Database>, entityId: string, aliases: Array<{ name: string; locale: string }>): Promise<void> {
  for (const alias of aliases) await addAlias(db, entityId, alias, false);
  await indexEntity(db, entityId);
}

/** One alias names one entity per locale; a second entity claiming it is a conflict. */
export async function addAlias(db: Kysely<Database>, entityId: string, alias: { name: string; locale: string }, index = true): Promise<EntityAlias> {
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
  if (index) await indexEntity(db, entityId);
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

// Reads. Every read takes the reader's visibility: the public sees published entities only.

export async function findEntity(
  db: Kysely<Database>,
  by: { id?: string; slug?: string; name?: string; locale?: string },
  visibility: Visibility,
): Promise<Entity | undefined> {
  // A merged entity is archived, but its id and slug still lead to the entity it became.
  const statuses = by.name === undefined ? [...visibleStatuses(visibility), 'archived' as const] : visibleStatuses(visibility);
  let query = db.selectFrom(from(visibility, 'entities')).selectAll('entities').where('entities.status', 'in', statuses);
  if (by.name === undefined) query = query.where((eb) => eb.or([eb('entities.status', '!=', 'archived'), eb('entities.merged_into', 'is not', null)]));
  if (by.id !== undefined) query = query.where('entities.id', '=', by.id);
  if (by.slug !== undefined) query = query.where('entities.slug', '=', by.slug);
  if (by.name !== undefined) {
    const normalized = foldName(by.name);
    if (!normalized) return undefined;
    query = query
      .innerJoin(from(visibility, 'entity_aliases'), 'entity_aliases.entity_id', 'entities.id')
      .where('entity_aliases.normalized', '=', normalized)
      // An alias in the reader's locale wins over the same alias in another locale.
      .orderBy((eb) => eb.case().when('entity_aliases.locale', '=', by.locale ?? 'en').then(0).else(1).end())
      .limit(1);
  }
  const row = await query.executeTakeFirst();
  if (row?.merged_into) return findEntity(db, { id: row.merged_into }, visibility);
  return row && toEntity(row);
}

export async function entitiesByIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<Entity[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom(from(visibility, 'entities'))
    .selectAll()
    .where('id', 'in', [...ids])
    .where((eb) => eb.or([eb('status', 'in', visibleStatuses(visibility)), eb('merged_into', 'is not', null)]))
    .execute();
  const merged = rows.filter((r) => r.merged_into);
  if (merged.length === 0) return rows.map(toEntity);
  // Old ids resolve to the entity they were merged into, under the old id as the key.
  const targets = new Map((await entitiesByIds(db, merged.map((r) => r.merged_into!), visibility)).map((e) => [e.id, e]));
  return rows.flatMap((r) => {
    if (!r.merged_into) return [toEntity(r)];
    const target = targets.get(r.merged_into);
    return target ? [{ ...target, lookupId: r.id }] : [];
  });
}

export async function listEntities(
  db: Kysely<Database>,
  args: PageArgs & { kind?: string },
  visibility: Visibility,
): Promise<Page<Entity>> {
  const after = decodeCursor(args.after);
  let query = db.selectFrom(from(visibility, 'entities')).selectAll().where('status', 'in', visibleStatuses(visibility)).where('merged_into', 'is', null);
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

export async function aliasesByEntityIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<EntityAlias[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(from(visibility, 'entity_aliases')).selectAll().where('entity_id', 'in', [...ids]).orderBy('position').execute();
  return rows.map(toAlias);
}

export async function factsByEntityIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<EntityFact[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(from(visibility, 'entity_facts')).selectAll().where('entity_id', 'in', [...ids]).orderBy('position').execute();
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
    .selectFrom(from(visibility, 'entity_relations'))
    .innerJoin(from(visibility, 'entities'), 'entities.id', `entity_relations.${other}`)
    .selectAll('entity_relations')
    .where(`entity_relations.${own}`, 'in', [...ids])
    .where('entities.status', 'in', visibleStatuses(visibility))
    .orderBy('entity_relations.position')
    .execute();
  return rows.map(toRelation);
}

export async function factsByIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<EntityFact[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom(from(visibility, 'entity_facts')).selectAll().where('id', 'in', [...ids]).execute()).map(toFact);
}

export async function relationsByIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<EntityRelation[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom(from(visibility, 'entity_relations')).selectAll().where('id', 'in', [...ids]).execute()).map(toRelation);
}

export type EntityFields = Partial<Pick<NewEntity, 'slug' | 'kind' | 'name' | 'description' | 'summary' | 'wikidataId'>>;

export async function updateEntity(db: Kysely<Database>, entityId: string, expectedVersion: number, fields: EntityFields): Promise<Entity> {
  await changeEntity(db, entityId, expectedVersion);
  const set: Partial<EntityRow> = {};
  if (fields.slug !== undefined) set.slug = fields.slug;
  if (fields.kind !== undefined) set.kind = fields.kind;
  if (fields.name !== undefined) set.name = fields.name;
  if (fields.description !== undefined) set.description = fields.description;
  if (fields.summary !== undefined) set.summary = fields.summary;
  if (fields.wikidataId !== undefined) set.wikidata_id = fields.wikidataId;
  if (Object.keys(set).length > 0) {
    try {
      await db.updateTable('entities').set(set).where('id', '=', entityId).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new StoreInputError(['slug'], `an entity with slug "${fields.slug}" exists`, 'conflict');
      throw error;
    }
  }
  if (fields.name !== undefined) await addAlias(db, entityId, { name: fields.name, locale: 'en' });
  await indexEntity(db, entityId);
  return (await findEntity(db, { id: entityId }, 'preview'))!;
}

export async function removeAlias(db: Kysely<Database>, entityId: string, alias: { name: string; locale: string }): Promise<void> {
  const entity = await db.selectFrom('entities').select('name').where('id', '=', entityId).executeTakeFirst();
  if (entity && foldName(entity.name) === foldName(alias.name)) throw new StoreInputError(['name'], 'an entity\'s own name is always an alias; rename it instead');
  const removed = await db
    .deleteFrom('entity_aliases')
    .where('entity_id', '=', entityId)
    .where('locale', '=', alias.locale)
    .where('normalized', '=', foldName(alias.name))
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw new StoreInputError(['name'], `the entity has no alias "${alias.name}" in ${alias.locale}`, 'not_found');
  await changeEntity(db, entityId, undefined, 'remove alias');
  await indexEntity(db, entityId);
}

export async function removeFact(db: Kysely<Database>, factId: string): Promise<void> {
  const removed = await db.deleteFrom('entity_facts').where('id', '=', factId).returning('entity_id').executeTakeFirst();
  if (!removed) throw new StoreInputError(['id'], 'no such fact', 'not_found');
  await changeEntity(db, removed.entity_id, undefined, 'remove fact');
}

export async function removeRelation(db: Kysely<Database>, relationId: string): Promise<void> {
  const removed = await db.deleteFrom('entity_relations').where('id', '=', relationId).returning('subject_id').executeTakeFirst();
  if (!removed) throw new StoreInputError(['id'], 'no such relation', 'not_found');
  await changeEntity(db, removed.subject_id, undefined, 'remove relation');
}

/**
 * Folds `from` into `into`: aliases, facts, relations, mentions (in the rows and inside section
 * bodies, each such explainer getting a new version), quote speakers, subjects and publishers move;
 * `from` is archived and its id and slug resolve to `into` from then on. Call inside a transaction.
 */
export async function mergeEntities(db: Kysely<Database>, fromId: string, intoId: string, actor: Actor): Promise<void> {
  if (fromId === intoId) throw new StoreInputError(['into'], 'an entity cannot be merged into itself');
  const [from, into] = await Promise.all([
    db.selectFrom('entities').selectAll().where('id', '=', fromId).executeTakeFirst(),
    db.selectFrom('entities').selectAll().where('id', '=', intoId).executeTakeFirst(),
  ]);
  if (!from || from.merged_into) throw new StoreInputError(['from'], 'no such entity', 'not_found');
  if (!into || into.merged_into) throw new StoreInputError(['into'], 'no such entity', 'not_found');
  await changeEntity(db, intoId, undefined, 'merge');
  await changeEntity(db, fromId, undefined, 'merge');
  await db.updateTable('entity_aliases').set({ entity_id: intoId }).where('entity_id', '=', fromId).execute();
  await db.updateTable('entity_facts').set({ entity_id: intoId }).where('entity_id', '=', fromId).execute();
  await db.updateTable('entity_relations').set({ subject_id: intoId }).where('subject_id', '=', fromId).execute();
  await db.updateTable('entity_relations').set({ object_id: intoId }).where('object_id', '=', fromId).execute();
  await db.deleteFrom('entity_relations').whereRef('subject_id', '=', 'object_id').execute();
  await db.updateTable('explainers').set({ subject_id: intoId }).where('subject_id', '=', fromId).execute();
  await db.updateTable('sources').set({ publisher_id: intoId }).where('publisher_id', '=', fromId).execute();
  const both = await db.selectFrom('quote_speakers').select('quote_id').where('entity_id', '=', intoId).execute();
  if (both.length > 0) {
    await db.deleteFrom('quote_speakers').where('entity_id', '=', fromId).where('quote_id', 'in', both.map((q) => q.quote_id)).execute();
  }
  await db.updateTable('quote_speakers').set({ entity_id: intoId }).where('entity_id', '=', fromId).execute();
  // Every explainer whose text mentions `from` gets a new version whose bodies name `into`.
  const touched = await db.selectFrom('mentions').select('explainer_id').distinct().where('entity_id', '=', fromId).execute();
  for (const { explainer_id } of touched) {
    await changeExplainer(db, { explainerId: explainer_id, actor, action: 'merge entities' }, async () => {
      const sections = await db.selectFrom('sections').select(['id', 'body']).where('explainer_id', '=', explainer_id).execute();
      for (const section of sections) {
        const body = JSON.parse(section.body, (key, value) => (key === 'entityId' && value === fromId ? intoId : value));
        await db.updateTable('sections').set({ body: JSON.stringify(body) }).where('id', '=', section.id).execute();
      }
      await db.updateTable('mentions').set({ entity_id: intoId }).where('entity_id', '=', fromId).where('explainer_id', '=', explainer_id).execute();
    });
  }
  await db.updateTable('entities').set({ merged_into: intoId, status: 'archived', updated_at: now() }).where('id', '=', fromId).execute();
  await db.updateTable('entities').set({ merged_into: intoId }).where('merged_into', '=', fromId).execute();
  await db.deleteFrom('search_documents').where('doc_type', '=', 'entity').where('doc_id', '=', fromId).execute();
  await indexEntity(db, intoId);
}

/** Every alias of every entity the reader may see, for the annotator. */
export async function allAliases(db: Kysely<Database>, visibility: Visibility): Promise<Array<{ name: string; entityId: string }>> {
  const rows = await db
    .selectFrom(from(visibility, 'entity_aliases'))
    .innerJoin(from(visibility, 'entities'), 'entities.id', 'entity_aliases.entity_id')
    .select(['entity_aliases.name', 'entity_aliases.entity_id'])
    .where('entities.status', 'in', visibleStatuses(visibility))
    .where('entities.merged_into', 'is', null)
    .execute();
  return rows.map((r) => ({ name: r.name, entityId: r.entity_id }));
}
