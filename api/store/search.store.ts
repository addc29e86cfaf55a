import type { Kysely } from 'kysely';
import type { Database } from './database';
import { searchMatches } from './dialect';
import { foldText } from '../text/fold';
import { type Visibility, visibleStatuses } from './ids';

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
  const rows = await searchMatches(db, terms, { statuses: visibleStatuses(visibility), locale: options.locale }, options.first + 1, options.offset);
  return {
    hits: rows.slice(0, options.first).map((r) => ({ type: r.doc_type as SearchHit['type'], id: r.doc_id, score: Number(r.score) })),
    hasNextPage: rows.length > options.first,
  };
}

/** Rewrites the entity's search document from its name, aliases, description and summary. */
export async function indexEntity(db: Kysely<Database>, entityId: string): Promise<void> {
  const entity = await db.selectFrom('entities').selectAll().where('id', '=', entityId).executeTakeFirst();
  if (!entity) return;
  const aliases = await db.selectFrom('entity_aliases').select('name').where('entity_id', '=', entityId).orderBy('position').execute();
  const document = {
    doc_type: 'entity' as const,
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

/** Rewrites the explainer's search document from its title, headline, summary and sections. */
export async function indexExplainer(db: Kysely<Database>, explainerId: string): Promise<void> {
  const explainer = await db.selectFrom('explainers').selectAll().where('id', '=', explainerId).executeTakeFirst();
  if (!explainer) return;
  const sections = await db.selectFrom('sections').select(['heading', 'text']).where('explainer_id', '=', explainerId).orderBy('position').execute();
  const document = {
    doc_type: 'explainer' as const,
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
