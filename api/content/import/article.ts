/**
 * Turns a published news article, pasted as text or fetched as HTML, into the outline of a draft
 * explainer: headline, dateline, sections of paragraphs and quotes. Page chrome (subscription
 * prompts, share bars, comment notices...) is removed and listed, so an editor can check that
 * nothing of the story went with it.
 */
import { StoreInputError } from '../../store/errors';
import { readHtml } from './html-reader';
import { type Unit, isChrome } from './reading';
import { readText } from './text-reader';

export interface ImportedArticle {
  headline: string;
  dateline: string | null;
  sections: Array<{ heading: string | null; blocks: ImportedBlock[] }>;
  dropped: string[];
}

export type ImportedBlock = { type: 'paragraph'; text: string } | { type: 'quote'; paragraphs: string[] };

/** The same limit as a GraphQL request body: an article cannot come in any larger. */
const MAX_BYTES = 1024 * 1024;

export function parseArticle(input: { text?: string; html?: string }): ImportedArticle {
  const { text, html } = input;
  if (text === undefined && html === undefined) throw new StoreInputError(['text'], 'give the article as text or as html');
  if (text !== undefined && html !== undefined) throw new StoreInputError(['html'], 'give the article as text or as html, not both');
  const field = text !== undefined ? 'text' : 'html';
  const source = text ?? html;
  if (typeof source !== 'string') throw new StoreInputError([field], 'must be a string');
  if (Buffer.byteLength(source, 'utf8') > MAX_BYTES) throw new StoreInputError([field], 'at most 1 MB');

  const reading = field === 'text' ? readText(source) : readHtml(source);
  if (!reading.headline) throw new StoreInputError([field], 'has no headline');
  const dropped = [...reading.dropped];
  const units = reading.units.filter((unit) => {
    if (unit.kind === 'quote' || !isChrome(unit.text)) return true;
    dropped.push(unit.text);
    return false;
  });
  const dateline = takeDateline(units);
  return { headline: reading.headline, dateline, sections: sectionsOf(units, dropped), dropped };
}

/** Words that start a sentence and look like a place, but are labels. */
const NOT_PLACES = new Set(['note', 'update', 'updated', 'editor', "editor's", 'editor’s', 'watch', 'also', 'read', 'photo', 'photos', 'video', 'opinion', 'analysis', 'exclusive', 'breaking', 'live', 'warning', 'disclaimer', 'source', 'sources', 'quote', 'q', 'a', 'correction', 'clarification', 'summary', 'context', 'background', 'listen']);

/** "New Delhi: The Islamic State..." -> "New Delhi", taken off the first paragraph. */
function takeDateline(units: Unit[]): string | null {
  const first = units[0];
  if (first?.kind !== 'paragraph') return null;
  const match = /^(\p{Lu}[\p{L}\p{M}.'’-]*(?: \p{Lu}[\p{L}\p{M}.'’-]*){0,2})\s*:\s+(?=\S)/u.exec(first.text);
  if (!match || NOT_PLACES.has(match[1].split(' ')[0].toLowerCase())) return null;
  first.text = first.text.slice(match[0].length);
  return match[1];
}

/** A line that hands over to a quotation: "... The Conversation reported:", "He said:". */
function introducesQuote(text: string, next: Unit | undefined): boolean {
  if (!text.endsWith(':') || next?.kind !== 'paragraph') return false;
  if (/^["“‘'«]/u.test(next.text)) return true;
  return /\b(said|says|say|told \S+|tells \S+|reported|reports|wrote|writes|added|adds|stated|states|noted|notes|explained|explains|warned|warns|declared|declares|argued|argues|observed|observes|concluded|continued|commented|tweeted|posted|announced|remarked|insisted|asserted|claimed|claims|reads|read|put it|as follows|in a statement|quoted as saying)\s*:$/i.test(
    text,
  ) || /^quoting\b/i.test(text);
}

function sectionsOf(units: Unit[], dropped: string[]): ImportedArticle['sections'] {
  const sections: ImportedArticle['sections'] = [{ heading: null, blocks: [] }];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    const section = sections[sections.length - 1];
    if (unit.kind === 'heading') sections.push({ heading: unit.text, blocks: [] });
    else if (unit.kind === 'quote') section.blocks.push({ type: 'quote', paragraphs: unit.paragraphs });
    else {
      section.blocks.push({ type: 'paragraph', text: unit.text });
      if (!introducesQuote(unit.text, units[i + 1])) continue;
      // The quotation runs to the next heading: articles close a quote with a new section or not at all.
      const paragraphs: string[] = [];
      while (units[i + 1]?.kind === 'paragraph') paragraphs.push((units[++i] as { text: string }).text);
      section.blocks.push({ type: 'quote', paragraphs });
    }
  }
  return sections.filter((section) => {
    if (section.blocks.length > 0) return true;
    // A heading with nothing under it has nothing to show; the editor still sees it went.
    if (section.heading !== null) dropped.push(section.heading);
    return false;
  });
}
