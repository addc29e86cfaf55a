import type { Kysely } from 'kysely';
import type { CorrectionRow, Database, ExplainerRow, MentionRow, PublicationStatus, QuoteRow } from './database';
import { allTermsMatch, isUniqueViolation } from './dialect';
import { StoreInputError } from './errors';
import { newId, now, type Visibility, visibleStatuses } from './ids';
import { type Actor, type ExplainerChange, changeExplainer, findRevision, recordRevision } from './revision.store';
import { writeAllSections } from './section.store';
import { type Page, type PageArgs, decodeCursor, encodeCursor } from './page';
import { from } from './scope';
import { docTypes, indexExplainer, searchScope } from './search.store';

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
  /** When Backstory first published it. */
  publishedAt: string | null;
  /** When the article it was made from was published, when known. */
  originalPublishedAt: string | null;
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
  originalPublishedAt: r.original_published_at,
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
  originalPublishedAt?: string | null;
}

export async function createExplainer(db: Kysely<Database>, input: NewExplainer, actor: Actor): Promise<Explainer> {
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
    original_published_at: input.originalPublishedAt ?? null,
  };
  try {
    await db.insertInto('explainers').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new StoreInputError(['slug'], `an explainer "${input.slug}" exists in locale ${input.locale}`, 'conflict');
    }
    throw error;
  }
  await recordRevision(db, id, 1, actor, 'create');
  await indexExplainer(db, id);
  return toExplainer(row);
}

export type ExplainerFields = Partial<Pick<NewExplainer, 'slug' | 'title' | 'headline' | 'summary' | 'dateline' | 'subjectId' | 'originalPublishedAt'>>;

export async function updateExplainer(db: Kysely<Database>, change: ExplainerChange, fields: ExplainerFields): Promise<Explainer> {
  await changeExplainer(db, change, async () => {
    const set: Partial<ExplainerRow> = {};
    if (fields.slug !== undefined) set.slug = fields.slug;
    if (fields.title !== undefined) set.title = fields.title;
    if (fields.headline !== undefined) set.headline = fields.headline;
    if (fields.summary !== undefined) set.summary = fields.summary;
    if (fields.dateline !== undefined) set.dateline = fields.dateline;
    if (fields.originalPublishedAt !== undefined) set.original_published_at = fields.originalPublishedAt;
    if (fields.subjectId !== undefined) set.subject_id = fields.subjectId;
    if (Object.keys(set).length === 0) return;
    try {
      await db.updateTable('explainers').set(set).where('id', '=', change.explainerId).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new StoreInputError(['slug'], `an explainer "${fields.slug}" exists in this locale`, 'conflict');
      throw error;
    }
  });
  await indexExplainer(db, change.explainerId);
  return (await findExplainer(db, { id: change.explainerId }, 'preview'))!;
}

/** draft -> published -> draft (unpublish) or archived; publishing keeps the first publication time. */
export async function setExplainerStatus(db: Kysely<Database>, change: ExplainerChange, status: PublicationStatus): Promise<Explainer> {
  await changeExplainer(db, change, async () => {
    const at = now();
    await db
      .updateTable('explainers')
      .set((eb) => ({ status, published_at: status === 'published' ? eb.fn.coalesce('published_at', eb.val(at)) : eb.ref('published_at') }))
      .where('id', '=', change.explainerId)
      .execute();
  });
  await indexExplainer(db, change.explainerId);
  return (await findExplainer(db, { id: change.explainerId }, 'preview'))!;
}

export async function addCorrection(db: Kysely<Database>, change: ExplainerChange, text: string): Promise<Correction> {
  return changeExplainer(db, change, async () => {
    const row: CorrectionRow = { id: newId(), explainer_id: change.explainerId, text, published_at: now() };
    await db.insertInto('corrections').values(row).execute();
    return toCorrection(row);
  });
}

export async function createQuote(
  db: Kysely<Database>,
  change: ExplainerChange,
  input: { kind: 'block' | 'inline'; speakerIds: string[]; sourceId?: string | null },
): Promise<Quote> {
  return changeExplainer(db, change, async () => {
    const row: QuoteRow = {
      id: newId(),
      explainer_id: change.explainerId,
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
  });
}

// Reads.

export async function findExplainer(
  db: Kysely<Database>,
  by: { id?: string; slug?: string; locale?: string },
  visibility: Visibility,
): Promise<Explainer | undefined> {
  let query = db.selectFrom(from(visibility, 'explainers')).selectAll().where('status', 'in', visibleStatuses(visibility));
  if (by.id !== undefined) query = query.where('id', '=', by.id);
  if (by.slug !== undefined) query = query.where('slug', '=', by.slug);
  if (by.locale !== undefined) query = query.where('locale', '=', by.locale);
  const row = await query.executeTakeFirst();
  return row && toExplainer(row);
}

/** Every visible edition of the explainer with this slug: its own and its translations', oldest first. */
export async function findEditions(db: Kysely<Database>, slug: string, visibility: Visibility): Promise<Explainer[]> {
  const rows = await db
    .selectFrom(from(visibility, 'explainers'))
    .selectAll()
    .where('status', 'in', visibleStatuses(visibility))
    .where('translation_group', 'in', (eb) => eb.selectFrom(from(visibility, 'explainers')).select('translation_group').where('slug', '=', slug))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toExplainer);
}

export async function explainersByIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<Explainer[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(from(visibility, 'explainers')).selectAll().where('id', 'in', [...ids]).where('status', 'in', visibleStatuses(visibility)).execute();
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
  let query = db.selectFrom(from(visibility, 'explainers')).selectAll().where('status', 'in', statuses);
  if (args.locale) query = query.where('locale', '=', args.locale);
  if (args.entityId) {
    const entityId = args.entityId;
    query = query.where((eb) =>
      eb.or([
        eb('subject_id', '=', entityId),
        eb('id', 'in', eb.selectFrom(from(visibility, 'mentions')).select('mentions.explainer_id').where('mentions.entity_id', '=', entityId)),
      ]),
    );
  }
  if (args.text) {
    if (args.text.length === 0) return { items: [], hasNextPage: false };
    const matches = await allTermsMatch(db, args.text, { docTypes: docTypes(searchScope(visibility)), locale: args.locale }, 1000);
    const ids = matches.filter((m) => m.doc_type.endsWith('explainer')).map((m) => m.doc_id);
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

export async function mentionsBy(
  db: Kysely<Database>,
  column: 'section_id' | 'explainer_id',
  ids: readonly string[],
  visibility: Visibility,
): Promise<Mention[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom(from(visibility, 'mentions'))
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
  const about = await db
    .selectFrom(from(visibility, 'explainers'))
    .selectAll()
    .where('subject_id', 'in', [...entityIds])
    .where('status', 'in', statuses)
    .execute();
  const mentioning = await db
    .selectFrom(from(visibility, 'mentions'))
    .innerJoin(from(visibility, 'explainers'), 'explainers.id', 'mentions.explainer_id')
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

export async function quotesBy(db: Kysely<Database>, column: 'id' | 'explainer_id', ids: readonly string[], visibility: Visibility): Promise<Quote[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom(from(visibility, 'quotes')).selectAll().where(column, 'in', [...ids]).orderBy('id').execute()).map(toQuote);
}

export async function speakersByQuoteIds(
  db: Kysely<Database>,
  ids: readonly string[],
  visibility: Visibility,
): Promise<Array<{ quoteId: string; entityId: string }>> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(from(visibility, 'quote_speakers')).selectAll().where('quote_id', 'in', [...ids]).orderBy('position').execute();
  return rows.map((r) => ({ quoteId: r.quote_id, entityId: r.entity_id }));
}

export async function correctionsByExplainerIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<Correction[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(from(visibility, 'corrections')).selectAll().where('explainer_id', 'in', [...ids]).orderBy('published_at').execute();
  return rows.map(toCorrection);
}

export async function translationsByGroups(db: Kysely<Database>, groups: readonly string[], visibility: Visibility): Promise<Explainer[]> {
  if (groups.length === 0) return [];
  const rows = await db
    .selectFrom(from(visibility, 'explainers'))
    .selectAll()
    .where('translation_group', 'in', [...groups])
    .where('status', 'in', visibleStatuses(visibility))
    .orderBy('locale')
    .execute();
  return rows.map(toExplainer);
}

/** Brings back an earlier version's content (fields and sections) as a new version; status stays as it is. */
export async function restoreRevision(db: Kysely<Database>, change: ExplainerChange, version: number): Promise<Explainer> {
  const revision = await findRevision(db, change.explainerId, version);
  if (!revision) throw new StoreInputError(['version'], `the explainer has no version ${version}`);
  const s = revision.snapshot;
  await changeExplainer(db, change, async () => {
    await db
      .updateTable('explainers')
      .set({ slug: s.slug, title: s.title, headline: s.headline, summary: s.summary, dateline: s.dateline, subject_id: s.subjectId })
      .where('id', '=', change.explainerId)
      .execute();
    await writeAllSections(db, change.explainerId, s.sections);
  });
  return (await findExplainer(db, { id: change.explainerId }, 'preview'))!;
}
