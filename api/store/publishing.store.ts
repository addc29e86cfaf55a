/**
 * A publisher's acts: publish, unpublish, archive, correct, for explainers and entities. Each changes the
 * working copy's status through changeExplainer (or changeEntity), then what readers see through
 * release.store, and names in `changed` the tags of every public response it may have changed.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database';
import { changeEntity } from './entity-revision.store';
import { type Correction, addCorrection, setExplainerStatus } from './explainer.store';
import { now } from './ids';
import {
  releaseCorrection,
  releaseEntity,
  releaseExplainer,
  releasedEntityNames,
  releasedExplainer,
  withdrawEntity,
  withdrawExplainer,
} from './release.store';
import type { Actor, ExplainerChange } from './revision.store';
import { type NewReleaseEvent, recordReleaseEvent } from './release-events.store';
import { explainersOfBoxesReading, lockBoxes } from './released-box.store';
import { indexEntity } from './search.store';
import { tags } from './tags';

export type Changed = Set<string>;

/**
 * Adds what an act changed for readers to what the whole write changed: its tags, and the explainers
 * whose kept boxes read any of them (as the boxes were before this write), since a kept box names only
 * its explainer to a CDN (http/released-boxes.ts). Read under the lock boxes are rendered under, so that
 * no box another write renders meanwhile is left out.
 */
async function changedForReaders(db: Kysely<Database>, own: Changed, changed: Changed): Promise<void> {
  await lockBoxes(db);
  for (const id of await explainersOfBoxesReading(db, [...own])) own.add(tags.explainer(id));
  for (const tag of own) changed.add(tag);
}

/** Records the act's event with what it changed for readers, and adds that to what the whole write changed. */
async function announce(db: Kysely<Database>, event: Omit<NewReleaseEvent, 'tags'>, own: Changed, changed: Changed): Promise<void> {
  await changedForReaders(db, own, changed);
  await recordReleaseEvent(db, { ...event, tags: [...own] });
}

async function explainerName(db: Kysely<Database>, explainerId: string) {
  return db.selectFrom('explainers').select(['slug', 'locale']).where('id', '=', explainerId).executeTakeFirstOrThrow();
}

/** Tags of the explainer as readers see it now: call before and after a change to catch both. */
async function explainerTags(db: Kysely<Database>, explainerId: string, changed: Changed): Promise<void> {
  changed.add(tags.explainer(explainerId)).add(tags.lists);
  const released = await releasedExplainer(db, explainerId);
  const working = await db.selectFrom('explainers').select(['slug', 'subject_id', 'translation_group']).where('id', '=', explainerId).executeTakeFirst();
  for (const row of [released, working]) {
    if (!row) continue;
    changed.add(tags.explainerSlug(row.slug)).add(tags.translations(row.translation_group));
    if (row.subject_id) changed.add(tags.explainersOf(row.subject_id));
  }
  const mentioned = await db.selectFrom('released_mentions').select('entity_id').distinct().where('explainer_id', '=', explainerId).execute();
  for (const { entity_id } of mentioned) changed.add(tags.explainersOf(entity_id));
  const cited = await db
    .selectFrom('released_citations')
    .innerJoin('released_sections', 'released_sections.id', 'released_citations.section_id')
    .select('released_citations.source_id')
    .distinct()
    .where('released_sections.explainer_id', '=', explainerId)
    .execute();
  for (const { source_id } of cited) changed.add(tags.citationsOf(source_id));
}

export async function publishExplainer(db: Kysely<Database>, change: ExplainerChange, changed: Changed) {
  const own: Changed = new Set();
  await explainerTags(db, change.explainerId, own);
  const explainer = await setExplainerStatus(db, change, 'published');
  const release = await releaseExplainer(db, change.explainerId, change.actor, change.action);
  await explainerTags(db, change.explainerId, own);
  const { slug, locale } = await explainerName(db, change.explainerId);
  await announce(db, { type: 'explainer.published', subjectId: change.explainerId, slug, locale, release: release.number }, own, changed);
  return explainer;
}

/** Unpublish (back to draft) or archive: readers stop seeing it at once. */
export async function withdrawExplainerFromReaders(db: Kysely<Database>, change: ExplainerChange, status: 'draft' | 'archived', changed: Changed) {
  const own: Changed = new Set();
  const wasReleased = await releasedExplainer(db, change.explainerId);
  await explainerTags(db, change.explainerId, own);
  const explainer = await setExplainerStatus(db, change, status);
  await withdrawExplainer(db, change.explainerId);
  const { slug, locale } = await explainerName(db, change.explainerId);
  if (wasReleased) await announce(db, { type: 'explainer.unpublished', subjectId: change.explainerId, slug, locale, release: null }, own, changed);
  else await changedForReaders(db, own, changed);
  return explainer;
}

/** The correction joins the working copy and, when the explainer is public, is released on its own. */
export async function correctExplainer(db: Kysely<Database>, change: ExplainerChange, text: string, changed: Changed): Promise<Correction> {
  const correction = await addCorrection(db, change, text);
  const working = await db.selectFrom('explainers').select('version').where('id', '=', change.explainerId).executeTakeFirstOrThrow();
  const release = await releaseCorrection(
    db,
    change.explainerId,
    { id: correction.id, explainer_id: correction.explainerId, text: correction.text, published_at: correction.publishedAt },
    Number(working.version),
    change.actor,
  );
  if (release) {
    const own: Changed = new Set();
    await explainerTags(db, change.explainerId, own);
    const { slug, locale } = await explainerName(db, change.explainerId);
    await announce(db, { type: 'explainer.corrected', subjectId: change.explainerId, slug, locale, release: release.number, detail: { correction: correction.id } }, own, changed);
  }
  return correction;
}

/** Tags of the entity as readers see it now: its names, and the entities its relations point at. */
async function entityTags(db: Kysely<Database>, entityId: string, changed: Changed): Promise<void> {
  changed.add(tags.entity(entityId)).add(tags.explainersOf(entityId)).add(tags.lists);
  const released = await releasedEntityNames(db, entityId);
  if (released.entity) changed.add(tags.entitySlug(released.entity.slug));
  for (const normalized of released.normalized) changed.add(tags.entityName(normalized));
  for (const objectId of released.objectIds) changed.add(tags.entity(objectId));
  const working = await db.selectFrom('entities').select('slug').where('id', '=', entityId).executeTakeFirst();
  if (working) changed.add(tags.entitySlug(working.slug));
  const aliases = await db.selectFrom('entity_aliases').select('normalized').where('entity_id', '=', entityId).execute();
  for (const { normalized } of aliases) changed.add(tags.entityName(normalized));
  const relations = await db.selectFrom('entity_relations').select('object_id').where('subject_id', '=', entityId).execute();
  for (const { object_id } of relations) changed.add(tags.entity(object_id));
  const cited = await db
    .selectFrom('released_citations')
    .select('source_id')
    .distinct()
    .where((eb) =>
      eb.or([
        eb('fact_id', 'in', eb.selectFrom('released_entity_facts').select('id').where('entity_id', '=', entityId)),
        eb('relation_id', 'in', eb.selectFrom('released_entity_relations').select('id').where('subject_id', '=', entityId)),
      ]),
    )
    .execute();
  for (const { source_id } of cited) changed.add(tags.citationsOf(source_id));
}

const entitySlug = async (db: Kysely<Database>, entityId: string) =>
  (await db.selectFrom('entities').select('slug').where('id', '=', entityId).executeTakeFirstOrThrow()).slug;

export async function publishEntity(db: Kysely<Database>, entityId: string, actor: Actor, changed: Changed, action = 'publish'): Promise<void> {
  const own: Changed = new Set();
  await entityTags(db, entityId, own);
  await changeEntity(db, entityId, undefined, action);
  await db.updateTable('entities').set({ status: 'published', updated_at: now() }).where('id', '=', entityId).execute();
  await indexEntity(db, entityId);
  const release = await releaseEntity(db, entityId, actor, action);
  await entityTags(db, entityId, own);
  await announce(db, { type: 'entity.published', subjectId: entityId, slug: await entitySlug(db, entityId), locale: null, release: release.number }, own, changed);
}

export async function unpublishEntity(db: Kysely<Database>, entityId: string, changed: Changed): Promise<void> {
  const own: Changed = new Set();
  const wasReleased = (await releasedEntityNames(db, entityId)).entity;
  await entityTags(db, entityId, own);
  await changeEntity(db, entityId, undefined, 'unpublish');
  await db.updateTable('entities').set({ status: 'draft', updated_at: now() }).where('id', '=', entityId).execute();
  await indexEntity(db, entityId);
  await withdrawEntity(db, entityId);
  if (wasReleased) await announce(db, { type: 'entity.unpublished', subjectId: entityId, slug: await entitySlug(db, entityId), locale: null, release: null }, own, changed);
  else await changedForReaders(db, own, changed);
}

/**
 * After a merge: readers see the surviving entity with what it took over, and the merged one's id and
 * slug lead to it. Both are released; explainers that mention the merged entity keep their releases.
 */
export async function releaseMerge(db: Kysely<Database>, fromId: string, intoId: string, actor: Actor, changed: Changed): Promise<void> {
  const own: Changed = new Set();
  await entityTags(db, fromId, own);
  await entityTags(db, intoId, own);
  const into = await db.selectFrom('entities').select(['status', 'slug']).where('id', '=', intoId).executeTakeFirstOrThrow();
  if (into.status !== 'published') {
    await changedForReaders(db, own, changed);
    return;
  }
  // The merged entity's id and slug lead readers to the survivor, even if it was never published itself.
  const release = await releaseEntity(db, fromId, actor, 'merge');
  await releaseEntity(db, intoId, actor, 'merge');
  await entityTags(db, intoId, own);
  const detail = { into: intoId, intoSlug: into.slug };
  await announce(db, { type: 'entity.merged', subjectId: fromId, slug: await entitySlug(db, fromId), locale: null, release: release.number, detail }, own, changed);
}
