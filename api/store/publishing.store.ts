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
import { indexEntity } from './search.store';
import { tags } from './tags';

export type Changed = Set<string>;

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
  await explainerTags(db, change.explainerId, changed);
  const explainer = await setExplainerStatus(db, change, 'published');
  await releaseExplainer(db, change.explainerId, change.actor, change.action);
  await explainerTags(db, change.explainerId, changed);
  return explainer;
}

/** Unpublish (back to draft) or archive: readers stop seeing it at once. */
export async function withdrawExplainerFromReaders(db: Kysely<Database>, change: ExplainerChange, status: 'draft' | 'archived', changed: Changed) {
  await explainerTags(db, change.explainerId, changed);
  const explainer = await setExplainerStatus(db, change, status);
  await withdrawExplainer(db, change.explainerId);
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
  if (release) await explainerTags(db, change.explainerId, changed);
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

export async function publishEntity(db: Kysely<Database>, entityId: string, actor: Actor, changed: Changed, action = 'publish'): Promise<void> {
  await entityTags(db, entityId, changed);
  await changeEntity(db, entityId, undefined, action);
  await db.updateTable('entities').set({ status: 'published', updated_at: now() }).where('id', '=', entityId).execute();
  await indexEntity(db, entityId);
  await releaseEntity(db, entityId, actor, action);
  await entityTags(db, entityId, changed);
}

export async function unpublishEntity(db: Kysely<Database>, entityId: string, changed: Changed): Promise<void> {
  await entityTags(db, entityId, changed);
  await changeEntity(db, entityId, undefined, 'unpublish');
  await db.updateTable('entities').set({ status: 'draft', updated_at: now() }).where('id', '=', entityId).execute();
  await indexEntity(db, entityId);
  await withdrawEntity(db, entityId);
}

/**
 * After a merge: readers see the surviving entity with what it took over, and the merged one's id and
 * slug lead to it. Both are released; explainers that mention the merged entity keep their releases.
 */
export async function releaseMerge(db: Kysely<Database>, fromId: string, intoId: string, actor: Actor, changed: Changed): Promise<void> {
  await entityTags(db, fromId, changed);
  await entityTags(db, intoId, changed);
  const into = await db.selectFrom('entities').select('status').where('id', '=', intoId).executeTakeFirstOrThrow();
  if (into.status !== 'published') return;
  // The merged entity's id and slug lead readers to the survivor, even if it was never published itself.
  await releaseEntity(db, fromId, actor, 'merge');
  await releaseEntity(db, intoId, actor, 'merge');
  await entityTags(db, intoId, changed);
}
