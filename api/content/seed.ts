import type { Kysely } from 'kysely';
import type { Mark, Paragraph, RichText } from '../rich-text/rich-text';
import type { Database } from '../store/database';
import { isUniqueViolation } from '../store/dialect';
import { addAlias } from '../store/alias.store';
import { createEntity, findEntity, publishEntity } from '../store/entity.store';
import { recordEntityRevisions } from '../store/entity-revision.store';
import { addFact } from '../store/fact.store';
import { addRelation } from '../store/relation.store';
import { createExplainer, createQuote, findExplainer, setExplainerStatus } from '../store/explainer.store';
import { releasePublishedContent } from '../store/release.store';
import type { Actor } from '../store/revision.store';
import { replaceSections } from '../store/section.store';
import { createSource, findSource } from '../store/source.store';
import isisK from './what-is-isis-k.json';

/** Seed content as written by hand: marks name the words they cover instead of offsets. */
export interface SeedDocument {
  entities: Array<{
    slug: string;
    kind: string;
    name: string;
    description: string;
    summary: string;
    aliases: string[];
    wikidataId?: string;
    /** The question its box asks, where the rule's would not do. */
    question?: string;
    /** date, or date and dateEnd for a span: "2015" to "2018". */
    facts?: Array<{ kind: string; label: string; value: string; date?: string; dateEnd?: string; hedge?: string; sources?: string[] }>;
  }>;
  sources: Array<{ slug: string; kind: string; name: string; url?: string; publisher?: string }>;
  relations: Array<{ subject: string; predicate: string; object: string; hedge?: string; note?: string; sources?: string[] }>;
  explainers: Array<{
    slug: string;
    locale: string;
    title: string;
    headline: string;
    summary: string;
    dateline?: string;
    /** When the original article was published, when known. */
    originalPublishedAt?: string;
    subject?: string;
    quotes: Array<{ key: string; kind: string; speakers: string[]; source?: string }>;
    sections: Array<{ slug: string; heading: string | null; blocks: SeedBlock[] }>;
  }>;
}

type SeedParagraph = { text: string; marks: Array<{ text: string; nth?: number; mention?: string; cite?: string; quote?: string }> };
type SeedBlock = SeedParagraph | { quote: string; paragraphs: SeedParagraph[] };

export const seedDocuments: SeedDocument[] = [isisK as SeedDocument];

/**
 * Loads seed documents through the store, each in one transaction. Idempotent: a document whose
 * explainers exist already is skipped, so every start (and every replica) may call it.
 */
export async function seed(db: Kysely<Database>, documents: SeedDocument[] = seedDocuments): Promise<{ loaded: number }> {
  let loaded = 0;
  for (const document of documents) {
    const first = document.explainers[0];
    if (await findExplainer(db, { slug: first.slug, locale: first.locale }, 'preview')) continue;
    try {
      await db.transaction().execute(async (trx) => {
        await load(trx, document);
        await recordEntityRevisions(trx, system);
        // What the document publishes, readers see: its first releases.
        await releasePublishedContent(trx);
      });
      loaded++;
    } catch (error) {
      // Another replica seeded the same document at the same moment.
      if (isUniqueViolation(error) && (await findExplainer(db, { slug: first.slug, locale: first.locale }, 'preview'))) continue;
      throw error;
    }
  }
  return { loaded };
}

const system: Actor = { keyId: null };

/** Writes one document's working copies (published where it says so), without releasing them. */
export async function load(db: Kysely<Database>, document: SeedDocument): Promise<void> {
  const entityIds = new Map<string, string>();
  const sourceIds = new Map<string, string>();
  const id = (map: Map<string, string>, key: string, what: string) => {
    const found = map.get(key);
    if (!found) throw new Error(`seed: unknown ${what} "${key}"`);
    return found;
  };

  for (const e of document.entities) {
    const existing = await findEntity(db, { slug: e.slug }, 'preview');
    if (existing) {
      entityIds.set(e.slug, existing.id);
      continue;
    }
    const entity = await createEntity(db, { ...e, status: 'draft' });
    entityIds.set(e.slug, entity.id);
    for (const alias of e.aliases) await addAlias(db, entity.id, { name: alias, locale: 'en' });
  }
  for (const s of document.sources) {
    const existing = await findSource(db, { slug: s.slug });
    const source = existing ?? (await createSource(db, { ...s, publisherId: s.publisher ? id(entityIds, s.publisher, 'entity') : null }));
    sourceIds.set(s.slug, source.id);
  }
  for (const e of document.entities) {
    for (const fact of e.facts ?? []) {
      await addFact(db, id(entityIds, e.slug, 'entity'), { ...fact, sourceIds: (fact.sources ?? []).map((s) => id(sourceIds, s, 'source')) });
    }
  }
  for (const r of document.relations) {
    await addRelation(db, {
      subjectId: id(entityIds, r.subject, 'entity'),
      predicate: r.predicate,
      objectId: id(entityIds, r.object, 'entity'),
      hedge: r.hedge,
      note: r.note,
      sourceIds: (r.sources ?? []).map((s) => id(sourceIds, s, 'source')),
    });
  }
  for (const e of document.entities) await publishEntity(db, id(entityIds, e.slug, 'entity'));

  for (const x of document.explainers) {
    const explainer = await createExplainer(db, {
      slug: x.slug,
      locale: x.locale,
      title: x.title,
      headline: x.headline,
      summary: x.summary,
      dateline: x.dateline,
      originalPublishedAt: x.originalPublishedAt,
      subjectId: x.subject ? id(entityIds, x.subject, 'entity') : null,
    }, system);
    const change = (action: string) => ({ explainerId: explainer.id, actor: system, action });
    const quoteIds = new Map<string, string>();
    for (const q of x.quotes) {
      const quote = await createQuote(db, change('create quote'), {
        kind: q.kind === 'inline' ? 'inline' : 'block',
        speakerIds: q.speakers.map((s) => id(entityIds, s, 'entity')),
        sourceId: q.source ? id(sourceIds, q.source, 'source') : null,
      });
      quoteIds.set(q.key, quote.id);
    }
    const paragraph = (p: SeedParagraph): Paragraph => ({
      type: 'paragraph',
      text: p.text,
      marks: p.marks.map((m): Mark => {
        const start = wordOffset(p.text, m.text, m.nth ?? 1);
        const end = start + m.text.length;
        if (m.mention) return { type: 'mention', start, end, entityId: id(entityIds, m.mention, 'entity') };
        if (m.cite) return { type: 'citation', start, end, sourceId: id(sourceIds, m.cite, 'source') };
        if (m.quote) return { type: 'quote', start, end, quoteId: id(quoteIds, m.quote, 'quote') };
        throw new Error(`seed: a mark on "${m.text}" has no type`);
      }),
    });
    await replaceSections(
      db,
      change('replace sections'),
      x.sections.map((s) => ({
        slug: s.slug,
        heading: s.heading,
        body: {
          blocks: s.blocks.map((b) =>
            'quote' in b ? { type: 'quote', quoteId: id(quoteIds, b.quote, 'quote'), paragraphs: b.paragraphs.map(paragraph) } : paragraph(b),
          ),
        } satisfies RichText,
      })),
    );
    await setExplainerStatus(db, change('publish'), 'published');
  }
}

/** Offset of the nth whole-word occurrence of words in text ("ISK" is not found inside "ISKP"). */
export function wordOffset(text: string, words: string, nth: number): number {
  const wordChar = /[\p{L}\p{N}]/u;
  let from = 0;
  let seen = 0;
  for (;;) {
    const at = text.indexOf(words, from);
    if (at < 0) throw new Error(`seed: "${words}" occurs fewer than ${nth} times in "${text.slice(0, 60)}..."`);
    const before = text[at - 1];
    const after = text[at + words.length];
    if (!(before && wordChar.test(before)) && !(after && wordChar.test(after)) && ++seen === nth) return at;
    from = at + 1;
  }
}
