import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import * as entities from '../store/entity.store';
import * as explainers from '../store/explainer.store';
import type { Visibility } from '../store/ids';
import * as sections from '../store/section.store';
import * as sources from '../store/source.store';
import * as keys from '../store/key.store';
import * as revisions from '../store/revision.store';

/** One loader per lookup; each batches every key asked for in one tick into one statement. */
export function createLoaders(db: Kysely<Database>, visibility: Visibility) {
  const byId = <T extends { id: string; lookupId?: string }>(load: (ids: readonly string[]) => Promise<T[]>) =>
    new DataLoader<string, T | undefined>(async (ids) => {
      const found = new Map((await load(ids)).map((x) => [x.lookupId ?? x.id, x]));
      return ids.map((id) => found.get(id));
    });
  const grouped = <T>(load: (ids: readonly string[]) => Promise<T[]>, key: (x: T) => string) =>
    new DataLoader<string, T[]>(async (ids) => {
      const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
      for (const x of await load(ids)) groups.get(key(x))?.push(x);
      return ids.map((id) => groups.get(id) ?? []);
    });
  const source = byId((ids) => sources.sourcesByIds(db, ids));
  const sourcesOfCitations = (column: 'fact_id' | 'relation_id') =>
    new DataLoader<string, sources.Source[]>(async (ids) => {
      const citations = await sources.citationsBy(db, column, ids);
      const found = await source.loadMany(citations.map((c) => c.sourceId));
      const groups = new Map<string, sources.Source[]>(ids.map((id) => [id, []]));
      citations.forEach((c, i) => {
        const s = found[i];
        if (s && !(s instanceof Error)) groups.get((column === 'fact_id' ? c.factId : c.relationId)!)?.push(s);
      });
      return ids.map((id) => groups.get(id) ?? []);
    });
  return {
    entity: byId((ids) => entities.entitiesByIds(db, ids, visibility)),
    aliasesByEntity: grouped((ids) => entities.aliasesByEntityIds(db, ids), (a) => a.entityId),
    factsByEntity: grouped((ids) => entities.factsByEntityIds(db, ids), (f) => f.entityId),
    fact: byId((ids) => entities.factsByIds(db, ids)),
    relation: byId((ids) => entities.relationsByIds(db, ids)),
    outgoingRelations: grouped((ids) => entities.relationsByEntityIds(db, ids, 'outgoing', visibility), (r) => r.subjectId),
    incomingRelations: grouped((ids) => entities.relationsByEntityIds(db, ids, 'incoming', visibility), (r) => r.objectId),
    explainersByEntity: grouped((ids) => explainers.explainerIdsByEntityIds(db, ids, visibility), (x) => x.entityId),
    explainer: byId((ids) => explainers.explainersByIds(db, ids, visibility)),
    sectionsByExplainer: grouped((ids) => sections.sectionsByExplainerIds(db, ids), (s) => s.explainerId),
    section: byId((ids) => sections.sectionsByIds(db, ids)),
    mentionsBySection: grouped((ids) => explainers.mentionsBy(db, 'section_id', ids), (m) => m.sectionId),
    quote: byId((ids) => explainers.quotesBy(db, 'id', ids)),
    quotesByExplainer: grouped((ids) => explainers.quotesBy(db, 'explainer_id', ids), (q) => q.explainerId),
    speakersByQuote: grouped((ids) => explainers.speakersByQuoteIds(db, ids), (s) => s.quoteId),
    correctionsByExplainer: grouped((ids) => explainers.correctionsByExplainerIds(db, ids), (c) => c.explainerId),
    translationsByGroup: grouped((ids) => explainers.translationsByGroups(db, ids, visibility), (x) => x.translationGroup),
    source,
    sourcesByExplainer: grouped((ids) => sources.sourcesByExplainerIds(db, ids), (s) => s.explainerId),
    sourcesByFact: sourcesOfCitations('fact_id'),
    sourcesByRelation: sourcesOfCitations('relation_id'),
    revisionsByExplainer: grouped((ids) => revisions.revisionsByExplainerIds(db, ids), (r) => r.explainerId),
    key: byId((ids) => keys.keysByIds(db, ids)),
    citationsBySource: grouped((ids) => sources.citationsBy(db, 'source_id', ids), (c) => c.sourceId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads many keys and drops the ones that are missing or invisible to the reader. */
export async function loadPresent<T>(loader: DataLoader<string, T | undefined>, ids: readonly string[]): Promise<T[]> {
  const values = await loader.loadMany(ids);
  return values.filter((v): v is T => v !== undefined && !(v instanceof Error));
}
