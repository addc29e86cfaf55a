import type { Kysely } from 'kysely';
import { toPlainText } from '../rich-text/render';
import { type RichText, paragraphsOf, validateRichText } from '../rich-text/rich-text';
import type { Database, MentionRow, SectionRow } from './database';
import { missingIds } from './references';
import { StoreInputError } from './errors';
import { newId, type Visibility } from './ids';
import { from } from './scope';
import { type ExplainerChange, changeExplainer } from './revision.store';
import { indexExplainer } from './search.store';

export interface Section {
  id: string;
  explainerId: string;
  slug: string;
  heading: string | null;
  position: number;
  body: RichText;
  text: string;
}

export const toSection = (r: SectionRow): Section => ({
  id: r.id,
  explainerId: r.explainer_id,
  slug: r.slug,
  heading: r.heading,
  position: Number(r.position),
  body: JSON.parse(r.body) as RichText,
  text: r.text,
});

export interface SectionInput {
  slug: string;
  heading?: string | null;
  body: RichText;
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Adds a section, or replaces the one with the same slug; position defaults to the end (or where it was). */
export async function putSection(db: Kysely<Database>, change: ExplainerChange, input: SectionInput, position?: number): Promise<Section> {
  return changeExplainer(db, change, async () => {
    await checkSection(db, change.explainerId, input, []);
    const sections = await db.selectFrom('sections').select(['id', 'slug']).where('explainer_id', '=', change.explainerId).orderBy('position').execute();
    const existing = sections.find((s) => s.slug === input.slug);
    const order = sections.filter((s) => s.slug !== input.slug).map((s) => s.slug);
    const at = position ?? (existing ? sections.indexOf(existing) : order.length);
    if (!Number.isInteger(at) || at < 0 || at > order.length) throw new StoreInputError(['position'], `between 0 and ${order.length}`);
    order.splice(at, 0, input.slug);
    if (existing) await db.deleteFrom('sections').where('id', '=', existing.id).execute();
    const section = await writeSection(db, change.explainerId, input, -1 - at, existing?.id);
    await setOrder(db, change.explainerId, order);
    await indexExplainer(db, change.explainerId);
    return { ...section, position: at };
  });
}

export async function removeSection(db: Kysely<Database>, change: ExplainerChange, slug: string): Promise<void> {
  await changeExplainer(db, change, async () => {
    const removed = await db.deleteFrom('sections').where('explainer_id', '=', change.explainerId).where('slug', '=', slug).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new StoreInputError(['slug'], `the explainer has no section "${slug}"`, 'not_found');
    const rest = await db.selectFrom('sections').select('slug').where('explainer_id', '=', change.explainerId).orderBy('position').execute();
    await setOrder(db, change.explainerId, rest.map((s) => s.slug));
    await indexExplainer(db, change.explainerId);
  });
}

/** slugs must name every section exactly once. */
export async function reorderSections(db: Kysely<Database>, change: ExplainerChange, slugs: string[]): Promise<void> {
  await changeExplainer(db, change, async () => {
    const current = (await db.selectFrom('sections').select('slug').where('explainer_id', '=', change.explainerId).execute()).map((s) => s.slug);
    if (slugs.length !== current.length || new Set(slugs).size !== slugs.length || !slugs.every((s) => current.includes(s))) {
      throw new StoreInputError(['slugs'], `must list each of the explainer's sections once: ${[...current].sort().join(', ')}`);
    }
    await setOrder(db, change.explainerId, slugs);
  });
}

/** Replaces every section at once (seeding, restoring a revision). */
export async function replaceSections(db: Kysely<Database>, change: ExplainerChange, sections: SectionInput[]): Promise<Section[]> {
  return changeExplainer(db, change, () => writeAllSections(db, change.explainerId, sections));
}

/** Without a revision of its own: for callers that are already inside changeExplainer. */
export async function writeAllSections(db: Kysely<Database>, explainerId: string, sections: SectionInput[]): Promise<Section[]> {
  const slugs = new Set<string>();
  for (const [i, section] of sections.entries()) {
    if (slugs.has(section.slug)) throw new StoreInputError(['sections', i, 'slug'], `two sections are called "${section.slug}"`);
    slugs.add(section.slug);
    await checkSection(db, explainerId, section, ['sections', i]);
  }
  await db.deleteFrom('sections').where('explainer_id', '=', explainerId).execute();
  const written: Section[] = [];
  for (const [position, input] of sections.entries()) written.push(await writeSection(db, explainerId, input, position));
  await indexExplainer(db, explainerId);
  return written;
}

/** Positions are unique per explainer, so they move in two steps: out of the way, then into place. */
async function setOrder(db: Kysely<Database>, explainerId: string, slugs: string[]): Promise<void> {
  for (const [i, slug] of slugs.entries()) {
    await db.updateTable('sections').set({ position: -1 - i - slugs.length }).where('explainer_id', '=', explainerId).where('slug', '=', slug).execute();
  }
  for (const [i, slug] of slugs.entries()) {
    await db.updateTable('sections').set({ position: i }).where('explainer_id', '=', explainerId).where('slug', '=', slug).execute();
  }
}

/** Writes one section and the rows derived from its body: mentions, passage citations, quote texts. */
async function writeSection(db: Kysely<Database>, explainerId: string, input: SectionInput, position: number, id = newId()): Promise<Section> {
  const row: SectionRow = {
    id,
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
  return toSection(row);
}

/** Rejects a malformed body, or one that points at entities, sources or quotes that do not exist. */
async function checkSection(db: Kysely<Database>, explainerId: string, section: SectionInput, at: Array<string | number>): Promise<void> {
  if (!slugPattern.test(section.slug) || section.slug.length > 100) {
    throw new StoreInputError([...at, 'slug'], 'a slug is lowercase letters, digits and single hyphens, at most 100 characters');
  }
  if (section.heading != null && (section.heading.trim() === '' || section.heading.length > 300)) {
    throw new StoreInputError([...at, 'heading'], 'a heading is 1 to 300 characters, or null');
  }
  const [problem] = validateRichText(section.body);
  if (problem) throw new StoreInputError([...at, 'body', ...problem.path], problem.message);
  const entityIds = new Map<string, Array<string | number>>();
  const sourceIds = new Map<string, Array<string | number>>();
  const quoteIds = new Map<string, Array<string | number>>();
  for (const [b, block] of section.body.blocks.entries()) {
    if (block.type === 'quote') quoteIds.set(block.quoteId, [...at, 'body', 'blocks', b, 'quoteId']);
  }
  for (const { block, paragraph, value } of paragraphsOf(section.body)) {
    for (const [m, mark] of value.marks.entries()) {
      const inQuote = section.body.blocks[block].type === 'quote' ? ['paragraphs', paragraph] : [];
      const path = [...at, 'body', 'blocks', block, ...inQuote, 'marks', m];
      if (mark.type === 'mention') entityIds.set(mark.entityId, [...path, 'entityId']);
      else if (mark.type === 'citation') sourceIds.set(mark.sourceId, [...path, 'sourceId']);
      else quoteIds.set(mark.quoteId, [...path, 'quoteId']);
    }
  }
  const missing = async (table: 'entities' | 'sources' | 'quotes', ids: Map<string, Array<string | number>>, what: string) => {
    const [first] = await missingIds(db, table, [...ids.keys()], table === 'quotes' ? explainerId : undefined);
    if (first) throw new StoreInputError(ids.get(first)!, `no ${what} with id ${first}`);
  };
  await missing('entities', entityIds, 'entity');
  await missing('sources', sourceIds, 'source');
  await missing('quotes', quoteIds, 'quote of this explainer');
}

export async function sectionsByExplainerIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<Section[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom(from(visibility, 'sections')).selectAll().where('explainer_id', 'in', [...ids]).orderBy('position').execute()).map(toSection);
}

export async function sectionsByIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<Section[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom(from(visibility, 'sections')).selectAll().where('id', 'in', [...ids]).execute()).map(toSection);
}
