import type { Kysely } from 'kysely';
import type { Database, EntityRevisionRow } from './database';
import { newId, now } from './ids';
import type { Actor } from './revision.store';
import { takeNextVersion } from './versions';

/** Versions taken in a transaction whose revisions are not written yet, by transaction. */
const unrecorded = new WeakMap<object, Array<{ entityId: string; version: number; action: string }>>();

function remember(db: Kysely<Database>, entityId: string, version: number, action: string): void {
  let list = unrecorded.get(db);
  if (!list) unrecorded.set(db, (list = []));
  list.push({ entityId, version, action });
}

/**
 * Records one change to an entity: its next version (see takeNextVersion). Call before the change, in
 * its transaction; recordEntityRevisions writes the revision (the snapshot after every change of the
 * transaction) before it commits, so that an entity's version always equals its number of revisions.
 */
export async function changeEntity(db: Kysely<Database>, entityId: string, expectedVersion?: number, action = 'update'): Promise<number> {
  const version = await takeNextVersion(db, 'entities', entityId, expectedVersion);
  remember(db, entityId, version, action);
  return version;
}

/** Records the creation of an entity, whose row starts at version 1: its first revision. */
export function entityCreated(db: Kysely<Database>, entityId: string): void {
  remember(db, entityId, 1, 'create');
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
  /** The editor's question; absent from snapshots taken before entities had one. */
  question?: string | null;
  status: string;
  mergedInto: string | null;
  aliases: Array<{ name: string; locale: string }>;
  facts: Array<{ id: string; kind: string; label: string; value: string; date: string | null; date_end?: string | null; hedge: string | null }>;
  relations: Array<{ id: string; predicate: string; objectId: string; hedge: string | null; note: string | null }>;
}

export async function snapshotEntity(db: Kysely<Database>, entityId: string): Promise<EntitySnapshot> {
  const e = await db.selectFrom('entities').selectAll().where('id', '=', entityId).executeTakeFirstOrThrow();
  const aliases = await db.selectFrom('entity_aliases').select(['name', 'locale']).where('entity_id', '=', entityId).orderBy('position').execute();
  const facts = await db.selectFrom('entity_facts').select(['id', 'kind', 'label', 'value', 'date', 'date_end', 'hedge']).where('entity_id', '=', entityId).orderBy('position').execute();
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
    question: e.question,
    status: e.status,
    mergedInto: e.merged_into,
    aliases,
    facts,
    relations: relations.map((r) => ({ id: r.id, predicate: r.predicate, objectId: r.object_id, hedge: r.hedge, note: r.note })),
  };
}

export function diffEntitySnapshots(before: EntitySnapshot | undefined, after: EntitySnapshot): Array<{ path: string; before: unknown; after: unknown }> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const fields = ['slug', 'kind', 'name', 'description', 'summary', 'wikidataId', 'question', 'status', 'mergedInto', 'aliases', 'facts', 'relations'] as const;
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

const toEntityRevision = (r: EntityRevisionRow): EntityRevision => ({
  id: r.id,
  entityId: r.entity_id,
  version: Number(r.version),
  keyId: r.key_id,
  action: r.action,
  diff: JSON.parse(r.diff),
  snapshot: JSON.parse(r.snapshot) as EntitySnapshot,
  createdAt: r.created_at,
});

/** Newest first. */
export async function entityRevisionsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<EntityRevision[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('entity_revisions').selectAll().where('entity_id', 'in', [...ids]).orderBy('version', 'desc').execute();
  return rows.map(toEntityRevision);
}
