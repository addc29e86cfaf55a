import type { Kysely } from 'kysely';
import type { Database } from './database';
import { searchMatches } from './dialect';
import { foldText } from '../text/fold';
import { from } from './scope';
import type { Visibility } from './ids';

/**
 * Readers search what was released, editors the working copies: each document is indexed once per
 * copy, its doc_type naming both the kind and the copy ("explainer", "released explainer").
 */
export type SearchScope = 'working' | 'released';

export function searchScope(visibility: Visibility): SearchScope {
  return visibility === 'public' ? 'released' : 'working';
}

const docType = (kind: 'explainer' | 'entity', scope: SearchScope) => (scope === 'released' ? `released ${kind}` : kind);
export const docTypes = (scope: SearchScope) => [docType('explainer', scope), docType('entity', scope)];

export interface SearchHit {
  type: 'explainer' | 'entity';
  id: string;
  score: number;
}

/** Explainers and entities matching every folded term (prefix match on each), best first. */
export async function search(
  db: Kysely<Database>,
  terms: string[],
  options: { first: number; offset: number; locale?: string },
  visibility: Visibility,
): Promise<{ hits: SearchHit[]; hasNextPage: boolean }> {
  if (terms.length === 0) return { hits: [], hasNextPage: false };
  const rows = await searchMatches(db, terms, { docTypes: docTypes(searchScope(visibility)), locale: options.locale }, options.first + 1, options.offset);
  return {
    hits: rows.slice(0, options.first).map((r) => ({ type: r.doc_type.replace(/^released /, '') as SearchHit['type'], id: r.doc_id, score: Number(r.score) })),
    hasNextPage: rows.length > options.first,
  };
}

/** Rewrites the entity's search document (of one copy) from its name, aliases, description and summary. */
export async function indexEntity(db: Kysely<Database>, entityId: string, scope: SearchScope = 'working'): Promise<void> {
  const visibility = scope === 'released' ? 'public' : 'preview';
  const entity = await db.selectFrom(from(visibility, 'entities')).selectAll().where('id', '=', entityId).executeTakeFirst();
  // Readers find a merged entity under the one it went into.
  if (!entity || (scope === 'released' && entity.merged_into)) return unindex(db, 'entity', entityId, scope);
  const aliases = await db.selectFrom(from(visibility, 'entity_aliases')).select('name').where('entity_id', '=', entityId).orderBy('position').execute();
  const document = {
    doc_type: docType('entity', scope),
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

/** Rewrites the explainer's search document (of one copy) from its title, headline, summary and sections. */
export async function indexExplainer(db: Kysely<Database>, explainerId: string, scope: SearchScope = 'working'): Promise<void> {
  const visibility = scope === 'released' ? 'public' : 'preview';
  const explainer = await db.selectFrom(from(visibility, 'explainers')).selectAll().where('id', '=', explainerId).executeTakeFirst();
  if (!explainer) return unindex(db, 'explainer', explainerId, scope);
  const sections = await db
    .selectFrom(from(visibility, 'sections'))
    .select(['heading', 'text'])
    .where('explainer_id', '=', explainerId)
    .orderBy('position')
    .execute();
  const document = {
    doc_type: docType('explainer', scope),
    doc_id: explainerId,
    locale: explainer.locale,
    status: explainer.status,
    title: foldText(`${explainer.title} ${explainer.headline}`),
    body: foldText([explainer.summary, ...sections.flatMap((s) => [s.heading ?? '', s.text])].join(' ')),
  };
  await db
    .insertInto('search_documents')
    .values(document)
    .onConflict((oc) => oc.columns(['doc_type', 'doc_id']).doUpdateSet({ status: document.status, locale: document.locale, title: document.title, body: document.body }))
    .execute();
}

async function unindex(db: Kysely<Database>, kind: 'explainer' | 'entity', id: string, scope: SearchScope): Promise<void> {
  await db.deleteFrom('search_documents').where('doc_type', '=', docType(kind, scope)).where('doc_id', '=', id).execute();
}
