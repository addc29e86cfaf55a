import type { Kysely, Selectable } from 'kysely';
import type { Database, SearchDocumentTable } from './database';
import { type SearchTerm, nameMatches, searchMatches } from './dialect';
import { foldName, foldText } from '../text/fold';
import { withoutStopWords } from '../text/stop-words';
import { from } from './scope';
import { type Visibility, visibleStatuses } from './ids';

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

/** Which indexing wrote a document; documents of an older format are indexed again at start. */
export const SEARCH_FORMAT = 1;

/**
 * What a reader's words search for: the stop words of a question dropped, every word whole but the
 * last, which also matches as a prefix (from two letters) because the reader may still be typing it.
 */
export function searchTerms(words: readonly string[]): SearchTerm[] {
  const kept = withoutStopWords(words);
  return kept.map((word, i) => ({ word, prefix: i === kept.length - 1 && word.length >= 2 }));
}

/**
 * Explainers and entities matching any of the words, best first: each word counts by where it is
 * (title or aliases, summary, headings, body), the words as one phrase count more, and so does
 * naming an entity by any of its aliases, for the entity and the explainers about it.
 */
export async function search(
  db: Kysely<Database>,
  words: string[],
  options: { first: number; offset: number; locale?: string; kinds?: Array<SearchHit['type']> },
  visibility: Visibility,
): Promise<{ hits: SearchHit[]; hasNextPage: boolean }> {
  if (words.length === 0) return { hits: [], hasNextPage: false };
  const scope = searchScope(visibility);
  const kinds = options.kinds ?? ['explainer', 'entity'];
  const rows = await searchMatches(
    db,
    { terms: searchTerms(words), named: await namedDocuments(db, words, visibility) },
    { docTypes: kinds.map((k) => docType(k, scope)), locale: options.locale },
    options.first + 1,
    options.offset,
  );
  return {
    hits: rows.slice(0, options.first).map((r) => ({ type: r.doc_type.replace(/^released /, '') as SearchHit['type'], id: r.doc_id, score: Number(r.score) })),
    hasNextPage: rows.length > options.first,
  };
}

/** Ids of the entities the words name (any alias, with or without the stop words) and of the explainers about them. */
async function namedDocuments(db: Kysely<Database>, words: string[], visibility: Visibility): Promise<string[]> {
  const names = [...new Set([foldName(words.join(' ')), foldName(withoutStopWords(words).join(' '))])];
  const entities = await db
    .selectFrom(from(visibility, 'entity_aliases'))
    .innerJoin(from(visibility, 'entities'), 'entities.id', 'entity_aliases.entity_id')
    .select('entities.id')
    .where('entity_aliases.normalized', 'in', names)
    .where('entities.status', 'in', visibleStatuses(visibility))
    .execute();
  if (entities.length === 0) return [];
  const ids = entities.map((e) => e.id);
  const explainers = await db.selectFrom(from(visibility, 'explainers')).select('id').where('subject_id', 'in', ids).execute();
  return [...ids, ...explainers.map((e) => e.id)];
}

/**
 * The one entity whose names hold every word of this one (whole words: "Khorasan" is ISIS-K), or
 * undefined when none does or several do.
 */
export async function entityByPartOfName(db: Kysely<Database>, name: string, visibility: Visibility): Promise<string | undefined> {
  const words = withoutStopWords(foldText(name).split(' ').filter(Boolean));
  if (words.length === 0) return undefined;
  const ids = await nameMatches(db, words, { docTypes: [docType('entity', searchScope(visibility))] }, 2);
  return ids.length === 1 ? ids[0] : undefined;
}

/** Rewrites the entity's search document (of one copy) from its name, aliases, description and summary. */
export async function indexEntity(db: Kysely<Database>, entityId: string, scope: SearchScope = 'working'): Promise<void> {
  const visibility = scope === 'released' ? 'public' : 'preview';
  const entity = await db.selectFrom(from(visibility, 'entities')).selectAll().where('id', '=', entityId).executeTakeFirst();
  // Readers find a merged entity under the one it went into.
  if (!entity || (scope === 'released' && entity.merged_into)) {
    await unindex(db, 'entity', entityId, scope);
  } else {
    const aliases = await db.selectFrom(from(visibility, 'entity_aliases')).select('name').where('entity_id', '=', entityId).orderBy('position').execute();
    await write(db, {
      doc_type: docType('entity', scope),
      doc_id: entityId,
      locale: 'en',
      status: entity.status,
      title: foldText(entity.name),
      aliases: foldText(aliases.map((a) => a.name).join(' ')),
      summary: foldText(`${entity.description} ${entity.summary}`),
      headings: '',
      body: '',
    });
  }
  // An explainer is found by every name of its subject.
  const about = await db.selectFrom(from(visibility, 'explainers')).select('id').where('subject_id', '=', entityId).execute();
  for (const { id } of about) await indexExplainer(db, id, scope);
}

/** Rewrites the explainer's search document (of one copy) from its title, headline, subject's names, summary and sections. */
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
  const subject = explainer.subject_id
    ? await db.selectFrom(from(visibility, 'entities')).select('name').where('id', '=', explainer.subject_id).where('merged_into', 'is', null).executeTakeFirst()
    : undefined;
  const subjectAliases = subject
    ? await db.selectFrom(from(visibility, 'entity_aliases')).select('name').where('entity_id', '=', explainer.subject_id!).orderBy('position').execute()
    : [];
  await write(db, {
    doc_type: docType('explainer', scope),
    doc_id: explainerId,
    locale: explainer.locale,
    status: explainer.status,
    title: foldText(`${explainer.title} ${explainer.headline}`),
    aliases: foldText([subject?.name ?? '', ...subjectAliases.map((a) => a.name)].join(' ')),
    summary: foldText(explainer.summary),
    headings: foldText(sections.map((s) => s.heading ?? '').join(' ')),
    body: foldText(sections.map((s) => s.text).join(' ')),
  });
}

type SearchDocument = Pick<Selectable<SearchDocumentTable>, 'doc_type' | 'doc_id' | 'locale' | 'status' | 'title' | 'aliases' | 'summary' | 'headings' | 'body'>;

async function write(db: Kysely<Database>, document: SearchDocument): Promise<void> {
  const { doc_type: _type, doc_id: _id, ...fields } = document;
  await db
    .insertInto('search_documents')
    .values({ ...document, format: SEARCH_FORMAT })
    .onConflict((oc) => oc.columns(['doc_type', 'doc_id']).doUpdateSet({ ...fields, format: SEARCH_FORMAT }))
    .execute();
}

async function unindex(db: Kysely<Database>, kind: 'explainer' | 'entity', id: string, scope: SearchScope): Promise<void> {
  await db.deleteFrom('search_documents').where('doc_type', '=', docType(kind, scope)).where('doc_id', '=', id).execute();
}

/** Indexes again every document an older indexing wrote (after a migration changed what goes where); returns how many. */
export async function reindexStale(db: Kysely<Database>): Promise<number> {
  const stale = await db.selectFrom('search_documents').select(['doc_type', 'doc_id']).where('format', '<', SEARCH_FORMAT).execute();
  for (const { doc_type, doc_id } of stale) {
    const scope: SearchScope = doc_type.startsWith('released ') ? 'released' : 'working';
    if (doc_type.endsWith('explainer')) await indexExplainer(db, doc_id, scope);
    else await indexEntity(db, doc_id, scope);
  }
  return stale.length;
}
