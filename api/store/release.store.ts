/**
 * Releases: what readers see. Publishing copies an explainer's (or an entity's) working rows into the
 * released_ tables, which every public read uses (see scope.ts), and records a numbered, immutable
 * release with a document of everything a reader of it saw. Editing touches the working rows only.
 *
 * Mentioned entities are not frozen into an explainer's release: a mention resolves against the
 * entity's own latest release, and renders as plain words while the entity has none. An entity's
 * correction then reaches every explainer that mentions it, and unpublishing an entity cannot leave
 * a stale copy of it inside explainers.
 */
import type { Kysely } from 'kysely';
import type { Database, ReleasedTable, ReleaseRow } from './database';
import { newId, now } from './ids';
import { type Actor, type Snapshot, diffSnapshots, snapshotExplainer } from './revision.store';
import { indexEntity, indexExplainer } from './search.store';

export interface Release {
  subjectId: string;
  number: number;
  version: number;
  action: string;
  keyId: string | null;
  document: ReleaseDocument;
  createdAt: string;
}

/** An explainer release: its snapshot, with the mentions and the sources a reader met. */
export interface ReleaseDocument extends Snapshot {
  id: string;
  mentions: Array<{ section: string; entityId: string; text: string }>;
  sources: Array<{ id: string; slug: string; name: string; url: string | null }>;
}

const toRelease = (r: ReleaseRow): Release => ({
  subjectId: r.explainer_id,
  number: Number(r.number),
  version: Number(r.version),
  action: r.action,
  keyId: r.key_id,
  document: JSON.parse(r.document) as ReleaseDocument,
  createdAt: r.created_at,
});

/** Copies rows (read whole) into the released table of the same shape. */
async function copy(db: Kysely<Database>, table: ReleasedTable, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const any = db as Kysely<any>;
  for (let i = 0; i < rows.length; i += 200) await any.insertInto(`released_${table}`).values(rows.slice(i, i + 200)).execute();
}

/** Takes the explainer's released rows away: readers see nothing of it from now on. */
async function clearReleasedExplainer(db: Kysely<Database>, explainerId: string): Promise<void> {
  await db
    .deleteFrom('released_citations')
    .where('section_id', 'in', (eb) => eb.selectFrom('released_sections').select('id').where('explainer_id', '=', explainerId))
    .execute();
  await db
    .deleteFrom('released_quote_speakers')
    .where('quote_id', 'in', (eb) => eb.selectFrom('released_quotes').select('id').where('explainer_id', '=', explainerId))
    .execute();
  for (const table of ['released_mentions', 'released_quotes', 'released_corrections', 'released_sections'] as const) {
    await db.deleteFrom(table).where('explainer_id', '=', explainerId).execute();
  }
  await db.deleteFrom('released_explainers').where('id', '=', explainerId).execute();
}

/** What the released copy of an explainer was, for the tags of what a publish or unpublish changes. */
export async function releasedExplainer(db: Kysely<Database>, explainerId: string) {
  return db.selectFrom('released_explainers').select(['id', 'slug', 'subject_id', 'translation_group', 'version']).where('id', '=', explainerId).executeTakeFirst();
}

/**
 * Makes the working copy release N+1: copies it for readers and records the release. The working row
 * is expected to be published already (its status and publication time are what readers get).
 */
export async function releaseExplainer(db: Kysely<Database>, explainerId: string, actor: Actor, action: string): Promise<Release> {
  const explainer = await db.selectFrom('explainers').selectAll().where('id', '=', explainerId).executeTakeFirstOrThrow();
  await clearReleasedExplainer(db, explainerId);
  const sections = await db.selectFrom('sections').selectAll().where('explainer_id', '=', explainerId).execute();
  const quotes = await db.selectFrom('quotes').selectAll().where('explainer_id', '=', explainerId).execute();
  const sectionIds = sections.map((s) => s.id);
  const quoteIds = quotes.map((q) => q.id);
  const mentions = await db.selectFrom('mentions').selectAll().where('explainer_id', '=', explainerId).orderBy('block').orderBy('paragraph').orderBy('start').execute();
  await copy(db, 'explainers', [explainer]);
  await copy(db, 'sections', sections);
  await copy(db, 'mentions', mentions);
  await copy(db, 'quotes', quotes);
  if (quoteIds.length) await copy(db, 'quote_speakers', await db.selectFrom('quote_speakers').selectAll().where('quote_id', 'in', quoteIds).execute());
  await copy(db, 'corrections', await db.selectFrom('corrections').selectAll().where('explainer_id', '=', explainerId).execute());
  const citations = sectionIds.length ? await db.selectFrom('citations').selectAll().where('section_id', 'in', sectionIds).execute() : [];
  await copy(db, 'citations', citations);

  const sourceIds = [...new Set([...citations.map((c) => c.source_id), ...quotes.flatMap((q) => (q.source_id ? [q.source_id] : []))])];
  const sources = sourceIds.length ? await db.selectFrom('sources').select(['id', 'slug', 'name', 'url']).where('id', 'in', sourceIds).orderBy('slug').execute() : [];
  const slugOf = new Map(sections.map((s) => [s.id, s.slug]));
  const document: ReleaseDocument = {
    id: explainerId,
    ...(await snapshotExplainer(db, explainerId)),
    mentions: mentions.map((m) => ({ section: slugOf.get(m.section_id) ?? '', entityId: m.entity_id, text: m.text })),
    sources,
  };
  const release = await recordRelease(db, explainerId, Number(explainer.version), actor, action, document);
  await indexExplainer(db, explainerId, 'released');
  return release;
}

/** Readers stop seeing the explainer at once; its releases stay on record. */
export async function withdrawExplainer(db: Kysely<Database>, explainerId: string): Promise<void> {
  await clearReleasedExplainer(db, explainerId);
  await indexExplainer(db, explainerId, 'released');
}

/**
 * A correction is published on its own: it joins the released copy and a new release records it,
 * while edits waiting in the working copy stay unpublished.
 */
export async function releaseCorrection(
  db: Kysely<Database>,
  explainerId: string,
  correction: { id: string; explainer_id: string; text: string; published_at: string },
  workingVersion: number,
  actor: Actor,
): Promise<Release | undefined> {
  const released = await releasedExplainer(db, explainerId);
  const latest = await latestRelease(db, explainerId);
  if (!released || !latest) return undefined;
  await copy(db, 'corrections', [correction]);
  // With nothing else pending, the released copy is the working copy again.
  const version = Number(released.version) === workingVersion - 1 ? workingVersion : Number(released.version);
  await db.updateTable('released_explainers').set({ version, updated_at: correction.published_at }).where('id', '=', explainerId).execute();
  const document: ReleaseDocument = {
    ...latest.document,
    corrections: [...latest.document.corrections, { text: correction.text, publishedAt: correction.published_at }],
  };
  return recordRelease(db, explainerId, version, actor, 'correct', document);
}

async function recordRelease(
  db: Kysely<Database>,
  explainerId: string,
  version: number,
  actor: Actor,
  action: string,
  document: ReleaseDocument,
): Promise<Release> {
  const last = await db.selectFrom('releases').select((eb) => eb.fn.max('number').as('n')).where('explainer_id', '=', explainerId).executeTakeFirst();
  const row: ReleaseRow = {
    explainer_id: explainerId,
    number: Number(last?.n ?? 0) + 1,
    version,
    action,
    key_id: actor.keyId,
    document: JSON.stringify(document),
    created_at: now(),
  };
  await db.insertInto('releases').values(row).execute();
  return toRelease(row);
}

export async function latestRelease(db: Kysely<Database>, explainerId: string): Promise<Release | undefined> {
  const row = await db.selectFrom('releases').selectAll().where('explainer_id', '=', explainerId).orderBy('number', 'desc').limit(1).executeTakeFirst();
  return row && toRelease(row);
}

/** Newest first. */
export async function releasesByExplainerIds(db: Kysely<Database>, ids: readonly string[]): Promise<Release[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('releases').selectAll().where('explainer_id', 'in', [...ids]).orderBy('number', 'desc').execute()).map(toRelease);
}

/** What the working copy changes against the latest release (everything, before the first). */
export async function changesSinceRelease(db: Kysely<Database>, explainerId: string) {
  const latest = await latestRelease(db, explainerId);
  return diffSnapshots(latest?.document, await snapshotExplainer(db, explainerId)).filter((d) => d.path !== 'status');
}

// Entities.

export interface EntityRelease {
  subjectId: string;
  number: number;
  version: number;
  action: string;
  keyId: string | null;
  document: Record<string, unknown>;
  createdAt: string;
}

async function clearReleasedEntity(db: Kysely<Database>, entityId: string): Promise<void> {
  await db
    .deleteFrom('released_citations')
    .where((eb) =>
      eb.or([
        eb('fact_id', 'in', eb.selectFrom('released_entity_facts').select('id').where('entity_id', '=', entityId)),
        eb('relation_id', 'in', eb.selectFrom('released_entity_relations').select('id').where('subject_id', '=', entityId)),
      ]),
    )
    .execute();
  await db.deleteFrom('released_entity_aliases').where('entity_id', '=', entityId).execute();
  await db.deleteFrom('released_entity_facts').where('entity_id', '=', entityId).execute();
  await db.deleteFrom('released_entity_relations').where('subject_id', '=', entityId).execute();
  await db.deleteFrom('released_entities').where('id', '=', entityId).execute();
}

/** What the released copy of an entity named, for the tags of what a publish or unpublish changes. */
export async function releasedEntityNames(db: Kysely<Database>, entityId: string) {
  const entity = await db.selectFrom('released_entities').select(['slug', 'merged_into']).where('id', '=', entityId).executeTakeFirst();
  const aliases = await db.selectFrom('released_entity_aliases').select('normalized').where('entity_id', '=', entityId).execute();
  const objects = await db.selectFrom('released_entity_relations').select('object_id').where('subject_id', '=', entityId).execute();
  return { entity, normalized: aliases.map((a) => a.normalized), objectIds: objects.map((o) => o.object_id) };
}

/** The entity's working copy becomes its next release: its name, aliases, facts and relations. */
export async function releaseEntity(db: Kysely<Database>, entityId: string, actor: Actor, action: string): Promise<EntityRelease> {
  const entity = await db.selectFrom('entities').selectAll().where('id', '=', entityId).executeTakeFirstOrThrow();
  await clearReleasedEntity(db, entityId);
  const aliases = await db.selectFrom('entity_aliases').selectAll().where('entity_id', '=', entityId).orderBy('position').execute();
  const facts = await db.selectFrom('entity_facts').selectAll().where('entity_id', '=', entityId).orderBy('position').execute();
  const relations = await db.selectFrom('entity_relations').selectAll().where('subject_id', '=', entityId).orderBy('position').execute();
  const factIds = facts.map((f) => f.id);
  const relationIds = relations.map((r) => r.id);
  const citations =
    factIds.length || relationIds.length
      ? await db
          .selectFrom('citations')
          .selectAll()
          .where((eb) => eb.or([...(factIds.length ? [eb('fact_id', 'in', factIds)] : []), ...(relationIds.length ? [eb('relation_id', 'in', relationIds)] : [])]))
          .execute()
      : [];
  await copy(db, 'entities', [entity]);
  await copy(db, 'entity_aliases', aliases);
  await copy(db, 'entity_facts', facts);
  await copy(db, 'entity_relations', relations);
  await copy(db, 'citations', citations);
  const document = { entity, aliases, facts, relations, citations };
  const last = await db.selectFrom('entity_releases').select((eb) => eb.fn.max('number').as('n')).where('entity_id', '=', entityId).executeTakeFirst();
  const row = {
    entity_id: entityId,
    number: Number(last?.n ?? 0) + 1,
    version: Number(entity.version),
    action,
    key_id: actor.keyId,
    document: JSON.stringify(document),
    created_at: now(),
  };
  await db.insertInto('entity_releases').values(row).execute();
  await indexEntity(db, entityId, 'released');
  return { subjectId: entityId, number: row.number, version: row.version, action, keyId: actor.keyId, document, createdAt: row.created_at };
}

export async function withdrawEntity(db: Kysely<Database>, entityId: string): Promise<void> {
  await clearReleasedEntity(db, entityId);
  await indexEntity(db, entityId, 'released');
}

/** Newest first. */
export async function entityReleasesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<EntityRelease[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('entity_releases').selectAll().where('entity_id', 'in', [...ids]).orderBy('number', 'desc').execute();
  return rows.map((r) => ({
    subjectId: r.entity_id,
    number: Number(r.number),
    version: Number(r.version),
    action: r.action,
    keyId: r.key_id,
    document: JSON.parse(r.document) as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}

/** Whether the working copy differs from what readers see: its version moved on, or it was never released. */
export async function hasUnpublishedChanges(db: Kysely<Database>, table: 'explainers' | 'entities', id: string): Promise<boolean> {
  const released = await db.selectFrom(table === 'explainers' ? 'released_explainers' : 'released_entities').select('version').where('id', '=', id).executeTakeFirst();
  const working = await db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  return !released || Number(working?.version) !== Number(released.version);
}

/**
 * A store from before releases had published content and no released copies: each published
 * explainer and entity becomes its release 1, once. Later starts find nothing to do.
 */
export async function releasePublishedContent(db: Kysely<Database>): Promise<number> {
  const system: Actor = { keyId: null };
  const entities = await db
    .selectFrom('entities')
    .select('id')
    .where((eb) => eb.or([eb('status', '=', 'published'), eb('merged_into', 'is not', null)]))
    .where('id', 'not in', (eb) => eb.selectFrom('entity_releases').select('entity_id'))
    .execute();
  for (const { id } of entities) await releaseEntity(db, id, system, 'publish');
  const explainers = await db
    .selectFrom('explainers')
    .select('id')
    .where('status', '=', 'published')
    .where('id', 'not in', (eb) => eb.selectFrom('releases').select('explainer_id'))
    .execute();
  for (const { id } of explainers) await releaseExplainer(db, id, system, 'publish');
  return entities.length + explainers.length;
}

