import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import * as aliases from '../store/alias.store';
import * as entities from '../store/entity.store';
import * as entityRevisions from '../store/entity-revision.store';
import * as facts from '../store/fact.store';
import * as relations from '../store/relation.store';
import * as explainers from '../store/explainer.store';
import type { Visibility } from '../store/ids';
import * as sections from '../store/section.store';
import * as sources from '../store/source.store';
import * as keys from '../store/key.store';
import * as releases from '../store/release.store';
import * as revisions from '../store/revision.store';
import { tags } from '../store/tags';

/**
 * One loader per lookup; each batches every key asked for in one tick into one statement. Loaders keyed
 * by an explainer or an entity record its tag in `tags` (found or not), so a cached public response
 * knows which releases it read.
 */
export function createLoaders(db: Kysely<Database>, visibility: Visibility, read: Set<string> = new Set()) {
  const mark = (tag: ((id: string) => string) | undefined, ids: readonly string[]) => {
    if (tag) for (const id of ids) read.add(tag(id));
  };
  const byId = <T extends { id: string; lookupId?: string }>(load: (ids: readonly string[]) => Promise<T[]>, tag?: (id: string) => string) =>
    new DataLoader<string, T | undefined>(async (ids) => {
      mark(tag, ids);
      const found = new Map((await load(ids)).map((x) => [x.lookupId ?? x.id, x]));
      return ids.map((id) => found.get(id));
    });
  const grouped = <T>(load: (ids: readonly string[]) => Promise<T[]>, key: (x: T) => string, tag?: (id: string) => string) =>
    new DataLoader<string, T[]>(async (ids) => {
      mark(tag, ids);
      const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
      for (const x of await load(ids)) groups.get(key(x))?.push(x);
      return ids.map((id) => groups.get(id) ?? []);
    });
  const source = byId((ids) => sources.sourcesByIds(db, ids));
  const sourcesOfCitations = (column: 'fact_id' | 'relation_id') =>
    new DataLoader<string, sources.Source[]>(async (ids) => {
      const citations = await sources.citationsBy(db, column, ids, visibility);
      const found = await source.loadMany(citations.map((c) => c.sourceId));
      const groups = new Map<string, sources.Source[]>(ids.map((id) => [id, []]));
      citations.forEach((c, i) => {
        const s = found[i];
        if (s && !(s instanceof Error)) groups.get((column === 'fact_id' ? c.factId : c.relationId)!)?.push(s);
      });
      return ids.map((id) => groups.get(id) ?? []);
    });
  return {
    entity: byId((ids) => entities.entitiesByIds(db, ids, visibility), tags.entity),
    aliasesByEntity: grouped((ids) => aliases.aliasesByEntityIds(db, ids, visibility), (a) => a.entityId, tags.entity),
    factsByEntity: grouped((ids) => facts.factsByEntityIds(db, ids, visibility), (f) => f.entityId, tags.entity),
    fact: byId((ids) => facts.factsByIds(db, ids, visibility)),
    relation: byId((ids) => relations.relationsByIds(db, ids, visibility)),
    outgoingRelations: grouped((ids) => relations.relationsByEntityIds(db, ids, 'outgoing', visibility), (r) => r.subjectId, tags.entity),
    incomingRelations: grouped((ids) => relations.relationsByEntityIds(db, ids, 'incoming', visibility), (r) => r.objectId, tags.entity),
    explainersByEntity: grouped((ids) => explainers.explainerIdsByEntityIds(db, ids, visibility), (x) => x.entityId, tags.explainersOf),
    explainer: byId((ids) => explainers.explainersByIds(db, ids, visibility), tags.explainer),
    sectionsByExplainer: grouped((ids) => sections.sectionsByExplainerIds(db, ids, visibility), (s) => s.explainerId, tags.explainer),
    section: byId((ids) => sections.sectionsByIds(db, ids, visibility)),
    mentionsBySection: grouped((ids) => explainers.mentionsBy(db, 'section_id', ids, visibility), (m) => m.sectionId),
    quote: byId((ids) => explainers.quotesBy(db, 'id', ids, visibility)),
    quotesByExplainer: grouped((ids) => explainers.quotesBy(db, 'explainer_id', ids, visibility), (q) => q.explainerId, tags.explainer),
    speakersByQuote: grouped((ids) => explainers.speakersByQuoteIds(db, ids, visibility), (s) => s.quoteId),
    correctionsByExplainer: grouped((ids) => explainers.correctionsByExplainerIds(db, ids, visibility), (c) => c.explainerId, tags.explainer),
    translationsByGroup: grouped((ids) => explainers.translationsByGroups(db, ids, visibility), (x) => x.translationGroup, tags.translations),
    source,
    sourcesByExplainer: grouped((ids) => sources.sourcesByExplainerIds(db, ids, visibility), (s) => s.explainerId, tags.explainer),
    sourcesByFact: sourcesOfCitations('fact_id'),
    sourcesByRelation: sourcesOfCitations('relation_id'),
    revisionsByExplainer: grouped((ids) => revisions.revisionsByExplainerIds(db, ids), (r) => r.explainerId),
    revisionsByEntity: grouped((ids) => entityRevisions.entityRevisionsByIds(db, ids), (r) => r.entityId),
    releasesByExplainer: grouped((ids) => releases.releasesByExplainerIds(db, ids), (r) => r.subjectId, tags.explainer),
    releasesByEntity: grouped((ids) => releases.entityReleasesByIds(db, ids), (r) => r.subjectId, tags.entity),
    key: byId((ids) => keys.keysByIds(db, ids)),
    citationsBySource: grouped((ids) => sources.citationsBy(db, 'source_id', ids, visibility), (c) => c.sourceId, tags.citationsOf),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads many keys and drops the ones that are missing or invisible to the reader. */
export async function loadPresent<T>(loader: DataLoader<string, T | undefined>, ids: readonly string[]): Promise<T[]> {
  const values = await loader.loadMany(ids);
  return values.filter((v): v is T => v !== undefined && !(v instanceof Error));
}
