import type { Kysely } from 'kysely';
import { foldName } from '../text/fold';
import { addAlias } from './alias.store';
import type { Database, EntityRow, PublicationStatus } from './database';
import { isUniqueViolation } from './dialect';
import { changeEntity, entityCreated } from './entity-revision.store';
import { StoreInputError } from './errors';
import { newId, now, type Visibility, visibleStatuses } from './ids';
import { type Page, type PageArgs, decodeCursor, encodeCursor } from './page';
import { from } from './scope';
import { indexEntity, search } from './search.store';

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
  /** The question its box asks, when an editor set one. */
  question: string | null;
}

export interface NewEntity {
  slug: string;
  kind: string;
  name: string;
  description: string;
  summary: string;
  wikidataId?: string | null;
  status?: PublicationStatus;
  question?: string | null;
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
  question: r.question,
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
    version: 1,
    created_at: at,
    updated_at: at,
    merged_into: null,
    question: input.question ?? null,
  };
  try {
    await db.insertInto('entities').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new StoreInputError(['slug'], `an entity with slug "${input.slug}" exists`, 'conflict');
    throw error;
  }
  await addAlias(db, row.id, { name: input.name, locale: 'en' });
  entityCreated(db, row.id);
  return toEntity(row);
}

export type EntityFields = Partial<Pick<NewEntity, 'slug' | 'kind' | 'name' | 'description' | 'summary' | 'wikidataId' | 'question'>>;

export async function updateEntity(db: Kysely<Database>, entityId: string, expectedVersion: number, fields: EntityFields): Promise<Entity> {
  await changeEntity(db, entityId, expectedVersion);
  const set: Partial<EntityRow> = {};
  if (fields.slug !== undefined) set.slug = fields.slug;
  if (fields.kind !== undefined) set.kind = fields.kind;
  if (fields.name !== undefined) set.name = fields.name;
  if (fields.description !== undefined) set.description = fields.description;
  if (fields.summary !== undefined) set.summary = fields.summary;
  if (fields.wikidataId !== undefined) set.wikidata_id = fields.wikidataId;
  if (fields.question !== undefined) set.question = fields.question;
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

export async function publishEntity(db: Kysely<Database>, entityId: string): Promise<void> {
  await db.updateTable('entities').set({ status: 'published', updated_at: now() }).where('id', '=', entityId).execute();
  await indexEntity(db, entityId);
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

/** Entities whose names or texts hold the words, best match first (search's ranking); cursors count matches. */
export async function searchEntities(db: Kysely<Database>, words: string[], args: PageArgs, visibility: Visibility): Promise<Page<Entity>> {
  const after = decodeCursor(args.after);
  const offset = after ? Number(after[0]) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new StoreInputError(['after'], 'not a cursor this API issued');
  const { hits, hasNextPage } = await search(db, words, { first: args.first, offset, kinds: ['entity'] }, visibility);
  const found = new Map((await entitiesByIds(db, hits.map((h) => h.id), visibility)).map((e) => [e.lookupId ?? e.id, e]));
  return {
    items: hits.flatMap((h, i) => {
      const node = found.get(h.id);
      return node ? [{ node, cursor: encodeCursor([offset + i + 1]) }] : [];
    }),
    hasNextPage,
  };
}
