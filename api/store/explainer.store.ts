import type { Kysely } from 'kysely';
import { toPlainText } from '../rich-text/render';
import { type RichText, paragraphsOf, validateRichText } from '../rich-text/rich-text';
import { foldText } from '../text/fold';
import type { CorrectionRow, Database, ExplainerRow, MentionRow, PublicationStatus, QuoteRow, SectionRow } from './database';
import { isUniqueViolation, searchMatches } from './dialect';
import { StoreInputError } from './errors';
import { newId, now, type Visibility, visibleStatuses } from './ids';
import { type Page, type PageArgs, decodeCursor, encodeCursor } from './page';

export interface Explainer {
  id: string;
  slug: string;
  locale: string;
  translationGroup: string;
  title: string;
  headline: string;
  summary: string;
  dateline: string | null;
  status: PublicationStatus;
  version: number;
  subjectId: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface Section {
  id: string;
  explainerId: string;
  slug: string;
  heading: string | null;
  position: number;
  body: RichText;
  text: string;
}

export interface Mention {
  id: string;
  sectionId: string;
  explainerId: string;
  entityId: string;
  block: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface Quote {
  id: string;
  explainerId: string;
  sectionId: string | null;
  sourceId: string | null;
  kind: 'block' | 'inline';
  text: string;
}

export interface Correction {
  id: string;
  explainerId: string;
  text: string;
  publishedAt: string;
}

const toExplainer = (r: ExplainerRow): Explainer => ({
  id: r.id,
  slug: r.slug,
  locale: r.locale,
  translationGroup: r.translation_group,
  title: r.title,
  headline: r.headline,
  summary: r.summary,
  dateline: r.dateline,
  status: r.status,
  version: Number(r.version),
  subjectId: r.subject_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
});
const toSection = (r: SectionRow): Section => ({
  id: r.id,
  explainerId: r.explainer_id,
  slug: r.slug,
  heading: r.heading,
  position: Number(r.position),
  body: JSON.parse(r.body) as RichText,
  text: r.text,
});
const toMention = (r: MentionRow): Mention => ({
  id: r.id,
  sectionId: r.section_id,
  explainerId: r.explainer_id,
  entityId: r.entity_id,
  block: Number(r.block),
  paragraph: Number(r.paragraph),
  start: Number(r.start),
  end: Number(r.end),
  text: r.text,
});
const toQuote = (r: QuoteRow): Quote => ({
  id: r.id,
  explainerId: r.explainer_id,
  sectionId: r.section_id,
  sourceId: r.source_id,
  kind: r.kind,
  text: r.text,
});
const toCorrection = (r: CorrectionRow): Correction => ({ id: r.id, explainerId: r.explainer_id, text: r.text, publishedAt: r.published_at });

export interface NewExplainer {
  slug: string;
  locale: string;
  translationGroup?: string;
  title: string;
  headline: string;
  summary: string;
  dateline?: string | null;
  subjectId?: string | null;
}

export async function createExplainer(db: Kysely<Database>, input: NewExplainer): Promise<Explainer> {
  const at = now();
  const id = newId();
  const row: ExplainerRow = {
    id,
    slug: input.slug,
    locale: input.locale,
    translation_group: input.translationGroup ?? id,
    title: input.title,
    headline: input.headline,
    summary: input.summary,
    dateline: input.dateline ?? null,
    status: 'draft',
    version: 1,
    subject_id: input.subjectId ?? null,
    created_at: at,
    updated_at: at,
    published_at: null,
  };
  try {
    await db.insertInto('explainers').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new StoreInputError(['slug'], `an explainer "${input.slug}" exists in locale ${input.locale}`, 'conflict');
    }
    throw error;
  }
  await indexExplainer(db, id);
  return toExplainer(row);
}

export async function createQuote(
  db: Kysely<Database>,
  input: { explainerId: string; kind: 'block' | 'inline'; speakerIds: string[]; sourceId?: string | null },
): Promise<Quote> {
  const row: QuoteRow = {
    id: newId(),
    explainer_id: input.explainerId,
    section_id: null,
    source_id: input.sourceId ?? null,
    kind: input.kind,
    text: '',
  };
  await db.insertInto('quotes').values(row).execute();
  for (const [position, entityId] of input.speakerIds.entries()) {
    await db.insertInto('quote_speakers').values({ quote_id: row.id, entity_id: entityId, position }).execute();
  }
  return toQuote(row);
}

export interface SectionInput {
  slug: string;
  heading?: string | null;
  body: RichText;
}

/**
 * Replaces an explainer's sections, and with them the mentions, passage citations and quote
 * texts derived from their bodies. Call inside a transaction.
 */
export async function replaceSections(db: Kysely<Database>, explainerId: string, sections: SectionInput[]): Promise<Section[]> {
  await checkSections(db, explainerId, sections);
  await db.deleteFrom('sections').where('explainer_id', '=', explainerId).execute();
  const written: Section[] = [];
  for (const [position, input] of sections.entries()) {
    const row: SectionRow = {
      id: newId(),
      explainer_id: explainerId,
      slug: input.slug,
      heading: input.heading ?? null,
      position,
      body: JSON.stringify(input.body),
      text: toPlainText(input.body),
    };
    await db.insertInto('sections').values(row).execute();
    const mentions: MentionRow[] = [];
    for (const { block, paragraph, value } of paragraphsOf(input.body)) {
      for (const mark of value.marks) {
        const place = { section_id: row.id, block, paragraph, start: mark.start, end: mark.end };
        if (mark.type === 'mention') {
          mentions.push({ id: newId(), explainer_id: explainerId, entity_id: mark.entityId, text: value.text.slice(mark.start, mark.end), ...place });
        } else if (mark.type === 'citation') {
          await db.insertInto('citations').values({ id: newId(), source_id: mark.sourceId, fact_id: null, relation_id: null, ...place }).execute();
        } else {
          await db.updateTable('quotes').set({ section_id: row.id, text: value.text.slice(mark.start, mark.end) }).where('id', '=', mark.quoteId).execute();
        }
      }
    }
    if (mentions.length > 0) await db.insertInto('mentions').values(mentions).execute();
    for (const block of input.body.blocks) {
      if (block.type !== 'quote') continue;
      const text = block.paragraphs.map((p) => p.text).join('\n\n');
      await db.updateTable('quotes').set({ section_id: row.id, text }).where('id', '=', block.quoteId).execute();
    }
    written.push(toSection(row));
  }
  await indexExplainer(db, explainerId);
  return written;
}

/** Rejects bodies that are malformed or point at entities, sources or quotes that do not exist. */
async function checkSections(db: Kysely<Database>, explainerId: string, sections: SectionInput[]): Promise<void> {
  const slugs = new Set<string>();
  const entityIds = new Map<string, Array<string | number>>();
  const sourceIds = new Map<string, Array<string | number>>();
  const quoteIds = new Map<string, Array<string | number>>();
  for (const [s, section] of sections.entries()) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(section.slug)) {
      throw new StoreInputError(['sections', s, 'slug'], 'a slug is lowercase letters, digits and single hyphens');
    }
    if (slugs.has(section.slug)) throw new StoreInputError(['sections', s, 'slug'], `two sections are called "${section.slug}"`);
    slugs.add(section.slug);
    const [problem] = validateRichText(section.body);
    if (problem) throw new StoreInputError(['sections', s, 'body', ...problem.path], problem.message);
    for (const [b, block] of section.body.blocks.entries()) {
      if (block.type === 'quote') quoteIds.set(block.quoteId, ['sections', s, 'body', 'blocks', b, 'quoteId']);
    }
    for (const { block, paragraph, value } of paragraphsOf(section.body)) {
      for (const [m, mark] of value.marks.entries()) {
        const inQuote = section.body.blocks[block].type === 'quote' ? ['paragraphs', paragraph] : [];
        const path = ['sections', s, 'body', 'blocks', block, ...inQuote, 'marks', m];
        if (mark.type === 'mention') entityIds.set(mark.entityId, [...path, 'entityId']);
        else if (mark.type === 'citation') sourceIds.set(mark.sourceId, [...path, 'sourceId']);
        else quoteIds.set(mark.quoteId, [...path, 'quoteId']);
      }
    }
  }
  const missing = async (table: 'entities' | 'sources' | 'quotes', ids: Map<string, Array<string | number>>, what: string) => {
    if (ids.size === 0) return;
    let query = db.selectFrom(table).select('id').where('id', 'in', [...ids.keys()]);
    if (table === 'quotes') query = query.where('explainer_id', '=', explainerId);
    const found = new Set((await query.execute()).map((r) => r.id));
    for (const [id, path] of ids) if (!found.has(id)) throw new StoreInputError(path, `no ${what} with id ${id}`);
  };
  await missing('entities', entityIds, 'entity');
  await missing('sources', sourceIds, 'source');
  await missing('quotes', quoteIds, 'quote of this explainer');
}

export async function publishExplainer(db: Kysely<Database>, explainerId: string): Promise<void> {
  const at = now();
  await db
    .updateTable('explainers')
    .set((eb) => ({ status: 'published', updated_at: at, published_at: eb.fn.coalesce('published_at', eb.val(at)), version: eb('version', '+', 1) }))
    .where('id', '=', explainerId)
    .execute();
  await indexExplainer(db, explainerId);
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

// Reads.

export async function findExplainer(
  db: Kysely<Database>,
  by: { id?: string; slug?: string; locale?: string },
  visibility: Visibility,
): Promise<Explainer | undefined> {
  let query = db.selectFrom('explainers').selectAll().where('status', 'in', visibleStatuses(visibility));
  if (by.id !== undefined) query = query.where('id', '=', by.id);
  if (by.slug !== undefined) query = query.where('slug', '=', by.slug);
  if (by.locale !== undefined) query = query.where('locale', '=', by.locale);
  const row = await query.executeTakeFirst();
  return row && toExplainer(row);
}

export async function explainersByIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<Explainer[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('explainers').selectAll().where('id', 'in', [...ids]).where('status', 'in', visibleStatuses(visibility)).execute();
  return rows.map(toExplainer);
}

export interface ExplainerFilter {
  /** Explainers about this entity or mentioning it. */
  entityId?: string;
  /** Full-text filter over title, summary and sections. */
  text?: string[];
  locale?: string;
}

/** Newest first. */
export async function listExplainers(
  db: Kysely<Database>,
  args: PageArgs & ExplainerFilter,
  visibility: Visibility,
): Promise<Page<Explainer>> {
  const statuses = visibleStatuses(visibility);
  let query = db.selectFrom('explainers').selectAll().where('status', 'in', statuses);
  if (args.locale) query = query.where('locale', '=', args.locale);
  if (args.entityId) {
    const entityId = args.entityId;
    query = query.where((eb) =>
      eb.or([
        eb('subject_id', '=', entityId),
        eb('id', 'in', eb.selectFrom('mentions').select('mentions.explainer_id').where('mentions.entity_id', '=', entityId)),
      ]),
    );
  }
  if (args.text) {
    if (args.text.length === 0) return { items: [], hasNextPage: false };
    const matches = await searchMatches(db, args.text, { statuses, locale: args.locale }, 1000, 0);
    const ids = matches.filter((m) => m.doc_type === 'explainer').map((m) => m.doc_id);
    if (ids.length === 0) return { items: [], hasNextPage: false };
    query = query.where('id', 'in', ids);
  }
  const after = decodeCursor(args.after);
  if (after) {
    const [createdAt, id] = after.map(String);
    query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(args.first + 1).execute();
  const items = rows.slice(0, args.first).map(toExplainer);
  return { items: items.map((e) => ({ node: e, cursor: encodeCursor([e.createdAt, e.id]) })), hasNextPage: rows.length > args.first };
}

export async function sectionsByExplainerIds(db: Kysely<Database>, ids: readonly string[]): Promise<Section[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('sections').selectAll().where('explainer_id', 'in', [...ids]).orderBy('position').execute()).map(toSection);
}

export async function mentionsBy(db: Kysely<Database>, column: 'section_id' | 'explainer_id', ids: readonly string[]): Promise<Mention[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('mentions')
    .selectAll()
    .where(column, 'in', [...ids])
    .orderBy('block')
    .orderBy('paragraph')
    .orderBy('start')
    .execute();
  return rows.map(toMention);
}

/** Explainers about an entity or mentioning it, keyed by entity id. */
export async function explainerIdsByEntityIds(
  db: Kysely<Database>,
  entityIds: readonly string[],
  visibility: Visibility,
): Promise<Array<{ entityId: string; explainer: Explainer }>> {
  if (entityIds.length === 0) return [];
  const statuses = visibleStatuses(visibility);
  const about = await db.selectFrom('explainers').selectAll().where('subject_id', 'in', [...entityIds]).where('status', 'in', statuses).execute();
  const mentioning = await db
    .selectFrom('mentions')
    .innerJoin('explainers', 'explainers.id', 'mentions.explainer_id')
    .selectAll('explainers')
    .select('mentions.entity_id as mentioned_id')
    .distinct()
    .where('mentions.entity_id', 'in', [...entityIds])
    .where('explainers.status', 'in', statuses)
    .execute();
  const out: Array<{ entityId: string; explainer: Explainer }> = [];
  const seen = new Set<string>();
  for (const [entityId, row] of [
    ...about.map((r) => [r.subject_id!, r] as const),
    ...mentioning.map((r) => [r.mentioned_id, r] as const),
  ]) {
    if (seen.has(`${entityId}/${row.id}`)) continue;
    seen.add(`${entityId}/${row.id}`);
    out.push({ entityId, explainer: toExplainer(row) });
  }
  return out;
}

export async function quotesBy(db: Kysely<Database>, column: 'id' | 'explainer_id', ids: readonly string[]): Promise<Quote[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('quotes').selectAll().where(column, 'in', [...ids]).orderBy('id').execute()).map(toQuote);
}

export async function speakersByQuoteIds(db: Kysely<Database>, ids: readonly string[]): Promise<Array<{ quoteId: string; entityId: string }>> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('quote_speakers').selectAll().where('quote_id', 'in', [...ids]).orderBy('position').execute();
  return rows.map((r) => ({ quoteId: r.quote_id, entityId: r.entity_id }));
}

export async function correctionsByExplainerIds(db: Kysely<Database>, ids: readonly string[]): Promise<Correction[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('corrections').selectAll().where('explainer_id', 'in', [...ids]).orderBy('published_at').execute();
  return rows.map(toCorrection);
}

export async function translationsByGroups(db: Kysely<Database>, groups: readonly string[], visibility: Visibility): Promise<Explainer[]> {
  if (groups.length === 0) return [];
  const rows = await db
    .selectFrom('explainers')
    .selectAll()
    .where('translation_group', 'in', [...groups])
    .where('status', 'in', visibleStatuses(visibility))
    .orderBy('locale')
    .execute();
  return rows.map(toExplainer);
}

export async function sectionsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Section[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('sections').selectAll().where('id', 'in', [...ids]).execute()).map(toSection);
}
