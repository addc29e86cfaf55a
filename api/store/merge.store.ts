import type { Kysely } from 'kysely';
import type { Database } from './database';
import { changeEntity } from './entity-revision.store';
import { StoreInputError } from './errors';
import { now } from './ids';
import { type Actor, changeExplainer } from './revision.store';
import { indexEntity } from './search.store';

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
