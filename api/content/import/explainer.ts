import type { Kysely } from 'kysely';
import type { Paragraph, RichText } from '../../rich-text/rich-text';
import type { Database } from '../../store/database';
import { type Explainer, createExplainer, createQuote, findExplainer } from '../../store/explainer.store';
import type { Actor } from '../../store/revision.store';
import { replaceSections } from '../../store/section.store';
import type { Annotator } from '../../text/annotate';
import { foldWords } from '../../text/fold';
import type { ImportedArticle } from './article';
import { proposeCandidates } from './candidates';

export interface ImportOutcome {
  explainer: Explainer;
  /** Proper names no known entity covers, with how often they occur: entities an editor may want to create. */
  candidates: Array<{ name: string; occurrences: number }>;
  dropped: string[];
}

const slugOf = (text: string) => foldWords(text).join('-').slice(0, 80).replace(/-+$/, '') || 'untitled';

type DraftBlock = Paragraph | { type: 'quote'; paragraphs: Paragraph[] };

/**
 * A draft explainer from a parsed article: its sections, with every mention of a known entity
 * marked, quote blocks as quotes, the most mentioned entity as the subject and the title asking
 * about it. Goes through the same store commands as every other write.
 */
export async function importExplainer(
  db: Kysely<Database>,
  article: ImportedArticle,
  annotator: Annotator,
  options: { locale: string; url: string | null; actor: Actor },
): Promise<ImportOutcome> {
  const mentions = new Map<string, Map<string, number>>();
  const candidates = new Map<string, number>();
  const paragraph = (text: string): Paragraph => {
    const found = annotator.annotate(text);
    for (const a of found) {
      const words = mentions.get(a.entityId) ?? new Map<string, number>();
      words.set(a.text, (words.get(a.text) ?? 0) + 1);
      mentions.set(a.entityId, words);
    }
    for (const candidate of proposeCandidates(text, found)) candidates.set(candidate.name, (candidates.get(candidate.name) ?? 0) + 1);
    return { type: 'paragraph', text, marks: found.map((a) => ({ type: 'mention', start: a.start, end: a.end, entityId: a.entityId })) };
  };
  const drafts = article.sections.map((s) => ({
    heading: s.heading,
    blocks: s.blocks.map((b): DraftBlock => (b.type === 'paragraph' ? paragraph(b.text) : { type: 'quote', paragraphs: b.paragraphs.map(paragraph) })),
  }));

  // The subject is the entity mentioned most; the title asks about it in the words the article uses most.
  const total = (words: Map<string, number>) => [...words.values()].reduce((a, b) => a + b, 0);
  const [subject] = [...mentions.entries()].sort((a, b) => total(b[1]) - total(a[1]));
  const subjectWords = subject && [...subject[1].entries()].sort((a, b) => b[1] - a[1])[0][0];
  const opening = drafts.flatMap((s) => s.blocks).find((b): b is Paragraph => b.type === 'paragraph');

  let slug = slugOf(article.headline);
  for (let n = 2; await findExplainer(db, { slug, locale: options.locale }, 'preview'); n++) {
    slug = `${slugOf(article.headline).slice(0, 75)}-${n}`;
  }
  const explainer = await createExplainer(
    db,
    {
      slug,
      locale: options.locale,
      title: subjectWords ? `What is ${subjectWords}?` : article.headline,
      headline: article.headline,
      summary: summaryOf(opening?.text ?? article.headline),
      dateline: article.dateline,
      subjectId: subject?.[0] ?? null,
    },
    options.actor,
  );
  const change = (action: string) => ({ explainerId: explainer.id, actor: options.actor, action });
  const used = new Set<string>();
  const sections = [];
  for (const [i, draft] of drafts.entries()) {
    let sectionSlug = draft.heading ? slugOf(draft.heading) : i === 0 ? 'overview' : `part-${i + 1}`;
    while (used.has(sectionSlug)) sectionSlug = `${sectionSlug}-${i + 1}`;
    used.add(sectionSlug);
    const blocks: RichText['blocks'] = [];
    for (const block of draft.blocks) {
      if (block.type === 'paragraph') blocks.push(block);
      else blocks.push({ ...block, quoteId: (await createQuote(db, change('create quote'), { kind: 'block', speakerIds: [] })).id });
    }
    sections.push({ slug: sectionSlug, heading: draft.heading, body: { blocks } });
  }
  await replaceSections(db, change(options.url ? `import ${options.url}` : 'import'), sections);
  return {
    explainer: (await findExplainer(db, { id: explainer.id }, 'preview'))!,
    candidates: [...candidates.entries()].map(([name, occurrences]) => ({ name, occurrences })),
    dropped: article.dropped,
  };
}

/** The first two sentences of the opening paragraph: a starting point the editor rewrites. */
function summaryOf(paragraph: string): string {
  const sentences = paragraph.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [paragraph];
  return sentences.slice(0, 2).join('').trim().slice(0, 1200);
}
