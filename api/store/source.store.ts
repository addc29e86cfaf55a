import type { Kysely } from 'kysely';
import type { CitationRow, Database, SourceRow } from './database';
import { isUniqueViolation } from './dialect';
import { StoreInputError } from './errors';
import { newId, now, type Visibility } from './ids';
import { from } from './scope';

export interface Source {
  id: string;
  slug: string;
  kind: string;
  name: string;
  url: string | null;
  publisherId: string | null;
}

/** A claim a source supports: exactly one of fact, relation or a passage of a section. */
export interface Citation {
  id: string;
  sourceId: string;
  factId: string | null;
  relationId: string | null;
  sectionId: string | null;
  block: number | null;
  paragraph: number | null;
  start: number | null;
  end: number | null;
}

const toSource = (r: SourceRow): Source => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind,
  name: r.name,
  url: r.url,
  publisherId: r.publisher_id,
});
const toCitation = (r: CitationRow): Citation => ({
  id: r.id,
  sourceId: r.source_id,
  factId: r.fact_id,
  relationId: r.relation_id,
  sectionId: r.section_id,
  block: r.block,
  paragraph: r.paragraph,
  start: r.start,
  end: r.end,
});

export async function createSource(
  db: Kysely<Database>,
  input: { slug: string; kind: string; name: string; url?: string | null; publisherId?: string | null },
): Promise<Source> {
  const row: SourceRow = {
    id: newId(),
    slug: input.slug,
    kind: input.kind,
    name: input.name,
    url: input.url ?? null,
    publisher_id: input.publisherId ?? null,
    created_at: now(),
  };
  try {
    await db.insertInto('sources').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new StoreInputError(['slug'], `a source with slug "${input.slug}" exists`, 'conflict');
    throw error;
  }
  return toSource(row);
}

export async function findSource(db: Kysely<Database>, by: { id?: string; slug?: string }): Promise<Source | undefined> {
  let query = db.selectFrom('sources').selectAll();
  if (by.id !== undefined) query = query.where('id', '=', by.id);
  if (by.slug !== undefined) query = query.where('slug', '=', by.slug);
  const row = await query.executeTakeFirst();
  return row && toSource(row);
}

export async function sourcesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Source[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('sources').selectAll().where('id', 'in', [...ids]).execute()).map(toSource);
}

export async function citationsBy(
  db: Kysely<Database>,
  column: 'fact_id' | 'relation_id' | 'section_id' | 'source_id',
  ids: readonly string[],
  visibility: Visibility,
): Promise<Citation[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom(from(visibility, 'citations'))
    .selectAll()
    .where(column, 'in', [...ids])
    .orderBy('block')
    .orderBy('paragraph')
    .orderBy('start')
    .orderBy('id')
    .execute();
  return rows.map(toCitation);
}

/** The sources an explainer cites, in the order the reader meets them: passages first, then quotes. */
export async function sourcesByExplainerIds(
  db: Kysely<Database>,
  explainerIds: readonly string[],
  visibility: Visibility,
): Promise<Array<Source & { explainerId: string }>> {
  if (explainerIds.length === 0) return [];
  const passages = await db
    .selectFrom(from(visibility, 'citations'))
    .innerJoin(from(visibility, 'sections'), 'sections.id', 'citations.section_id')
    .innerJoin('sources', 'sources.id', 'citations.source_id')
    .selectAll('sources')
    .select(['sections.explainer_id', 'sections.position', 'citations.block', 'citations.paragraph', 'citations.start'])
    .where('sections.explainer_id', 'in', [...explainerIds])
    .execute();
  const quotes = await db
    .selectFrom(from(visibility, 'quotes'))
    .innerJoin('sources', 'sources.id', 'quotes.source_id')
    .leftJoin(from(visibility, 'sections'), 'sections.id', 'quotes.section_id')
    .selectAll('sources')
    .select(['quotes.explainer_id', 'sections.position'])
    .where('quotes.explainer_id', 'in', [...explainerIds])
    .execute();
  const ordered = [
    ...passages.map((r) => ({ r, key: [r.position, r.block ?? 0, r.paragraph ?? 0, r.start ?? 0] })),
    ...quotes.map((r) => ({ r, key: [r.position ?? 1e9, 1e9, 0, 0] })),
  ].sort((a, b) => a.r.explainer_id.localeCompare(b.r.explainer_id) || compareKeys(a.key, b.key));
  const seen = new Set<string>();
  const out: Array<Source & { explainerId: string }> = [];
  for (const { r } of ordered) {
    const key = `${r.explainer_id}/${r.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...toSource(r), explainerId: r.explainer_id });
  }
  return out;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Attributes a fact or a relation to a source; citing twice is harmless. */
export async function citeFact(db: Kysely<Database>, factId: string, sourceId: string): Promise<void> {
  await cite(db, sourceId, { fact_id: factId });
}

export async function citeRelation(db: Kysely<Database>, relationId: string, sourceId: string): Promise<void> {
  await cite(db, sourceId, { relation_id: relationId });
}

export async function cite(db: Kysely<Database>, sourceId: string, target: { fact_id?: string; relation_id?: string }): Promise<void> {
  const column = target.fact_id ? 'fact_id' : 'relation_id';
  const id = (target.fact_id ?? target.relation_id)!;
  const already = await db.selectFrom('citations').select('id').where('source_id', '=', sourceId).where(column, '=', id).executeTakeFirst();
  if (already) return;
  await db
    .insertInto('citations')
    .values({ id: newId(), source_id: sourceId, fact_id: target.fact_id ?? null, relation_id: target.relation_id ?? null, section_id: null, block: null, paragraph: null, start: null, end: null })
    .execute();
}
