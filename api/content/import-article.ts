/**
 * Turns a published news article, pasted as text or fetched as HTML, into the outline of a draft
 * explainer: headline, dateline, sections of paragraphs and quotes. Page chrome (subscription
 * prompts, share bars, comment notices...) is removed and listed, so an editor can check that
 * nothing of the story went with it.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { StoreInputError } from '../store/errors';
import { foldName } from '../text/fold';

export interface ImportedArticle {
  headline: string;
  dateline: string | null;
  sections: Array<{ heading: string | null; blocks: ImportedBlock[] }>;
  dropped: string[];
}

export type ImportedBlock = { type: 'paragraph'; text: string } | { type: 'quote'; paragraphs: string[] };

/** The same limit as a GraphQL request body: an article cannot come in any larger. */
const MAX_BYTES = 1024 * 1024;

/** The article body in reading order, before it is cut into sections. */
type Unit = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string } | { kind: 'quote'; paragraphs: string[] };

interface Reading {
  headline: string | null;
  units: Unit[];
  dropped: string[];
}

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

// --- Plain text ---------------------------------------------------------------------------------

/** One paragraph a line, as a page copied from a browser gives it; blank lines mean nothing. */
function readText(text: string): Reading {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map(collapse)
    .filter((line) => line !== '');
  const dropped: string[] = [];
  const kept = lines.filter((line) => {
    if (!isChrome(line)) return true;
    dropped.push(line);
    return false;
  });
  const [headline = null, ...body] = kept;
  const shaped = body.map(hasHeadingShape);
  const units: Unit[] = body.map((line, i) =>
    shaped[i] && i + 1 < body.length && !shaped[i + 1] ? { kind: 'heading', text: line } : { kind: 'paragraph', text: line },
  );
  return { headline, units, dropped };
}

/** Short, not lower case, and ending without a sentence's punctuation (or as a short question). */
function hasHeadingShape(line: string): boolean {
  const words = line.split(' ').length;
  if (line.length > 100 || words > 14 || /^[\p{Ll}\p{P}]/u.test(line)) return false;
  if (/\?["'”’)]*$/u.test(line)) return words <= 12;
  return !/[.,;:!…"'”’)\]]$/u.test(line);
}

// --- HTML ---------------------------------------------------------------------------------------

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Never read: code, media and form controls have no words of the story. */
const SILENT = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'canvas', 'object', 'embed', 'video', 'audio', 'picture', 'img', 'input', 'select', 'textarea', 'option', 'link', 'meta']);
/** Page furniture around the story: removed and listed in `dropped`. */
const CHROME_ELEMENTS = new Set(['nav', 'aside', 'footer', 'form', 'button', 'dialog', 'menu', 'figure']);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'dialog', 'alert', 'menu', 'menubar', 'toolbar']);
/** Words that, in a class or id, mark an element as furniture ("share-bar", "newsletterSignup", "ad-slot"). */
const CHROME_NAMES = new Set([
  'share', 'sharing', 'sharebar', 'social', 'subscribe', 'subscription', 'subscriber', 'newsletter', 'newsletters', 'signup',
  'comment', 'comments', 'disqus', 'related', 'recommended', 'recommendations', 'alsoread', 'readmore', 'promo', 'promotion',
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'sponsored', 'sponsor', 'paywall', 'cookie', 'cookies',
  'consent', 'outbrain', 'taboola', 'popup', 'modal', 'breadcrumb', 'breadcrumbs', 'tags', 'tweet', 'trending', 'nav', 'navbar',
  'menu', 'sidebar', 'footer', 'masthead', 'byline', 'toolbar',
]);
/** A class starting so describes its element's state ("has-comments", "no-ads"), not what it is. */
const STATE_PREFIXES = new Set(['has', 'with', 'no', 'is', 'show', 'hide', 'enable', 'enabled', 'disable', 'allow', 'can', 'js']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th', 'pre', 'address', 'hr', 'center', 'details', 'summary', 'body', 'html']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function isHidden(element: Element): boolean {
  return attribute(element, 'hidden') !== undefined || attribute(element, 'aria-hidden') === 'true';
}

function looksLikeChrome(element: Element): boolean {
  if (CHROME_ELEMENTS.has(element.tagName)) return true;
  const role = attribute(element, 'role');
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  const names = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`.split(/\s+/).filter(Boolean);
  return names.some((name) => {
    const words = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (words.length === 0 || STATE_PREFIXES.has(words[0])) return false;
    return words.some((word, i) => {
      const next = words[i + 1] ?? '';
      // "ad-free", "comments-off": the page says it has none.
      if (['free', 'less', 'off', 'none', 'disabled', 'hidden'].includes(next)) return false;
      return CHROME_NAMES.has(word) || CHROME_NAMES.has(word + next);
    });
  });
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!isElement(node) || SILENT.has(node.tagName)) return '';
  const inner = node.childNodes.map(textOf).join('');
  return BLOCKS.has(node.tagName) || HEADINGS.has(node.tagName) || node.tagName === 'br' ? ` ${inner} ` : inner;
}

function findFirst(node: Node, tagName: string): Element | undefined {
  if (!isElement(node) && !('childNodes' in node)) return undefined;
  if (isElement(node)) {
    if (node.tagName === tagName) return node;
    if (SILENT.has(node.tagName) || looksLikeChrome(node) || isHidden(node)) return undefined;
  }
  for (const child of (node as Element).childNodes) {
    const found = findFirst(child, tagName);
    if (found) return found;
  }
  return undefined;
}

function findAll(node: Node, tagName: string, found: Element[] = []): Element[] {
  if (isElement(node) && node.tagName === tagName) found.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) findAll(child, tagName, found);
  return found;
}

/** The element to read: the one <article> (or <main>) when the page has exactly one, else the body. */
function storyRoot(document: DefaultTreeAdapterMap['document']): Node {
  for (const tag of ['article', 'main']) {
    const all = findAll(document, tag);
    if (all.length === 1 && findFirst(all[0], 'p')) return all[0];
  }
  return findFirst(document, 'body') ?? document;
}

function readHtml(html: string): Reading {
  const document = parse(html);
  const root = storyRoot(document);
  // The story root's ancestors are walked through; whatever else they hold is outside the story.
  const ancestors = new Set<Node>();
  for (let node = (root as Element).parentNode; node; node = 'parentNode' in node ? node.parentNode : null) ancestors.add(node);
  let inside = false;
  const dropped: string[] = [];
  const units: Unit[] = [];
  let headline: string | null = null;
  let headlineAt = 0;
  let inline: string[] = [];
  let quote: string[] | null = null;

  const flush = () => {
    // Two line breaks in a row part paragraphs where a page uses <br><br> instead of <p>.
    for (const part of inline.join('').split(/\n[^\S\n]*\n/)) {
      const text = collapse(part);
      if (text === '') continue;
      if (quote) quote.push(text);
      else units.push({ kind: 'paragraph', text });
    }
    inline = [];
  };

  const drop = (node: Node) => {
    flush();
    const text = collapse(textOf(node));
    if (text) dropped.push(text);
  };
  // An element holding the headline is the story's, wherever it is and whatever its class says.
  const holdsHeadline = (node: Element) => headline === null && (node.tagName === 'h1' || node.childNodes.some((child) => findFirst(child, 'h1')));

  const visit = (node: Node): void => {
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterMap['textNode']).value;
      if (inside) inline.push(value);
      else if (collapse(value)) dropped.push(collapse(value));
      return;
    }
    if (!isElement(node)) return;
    const tag = node.tagName;
    if (SILENT.has(tag) || isHidden(node)) return;
    if (!inside) {
      if (ancestors.has(node)) node.childNodes.forEach(visit);
      else if (node === root || holdsHeadline(node)) {
        inside = true;
        flush();
        if (node === root) node.childNodes.forEach(visit);
        else visit(node);
        flush();
        inside = false;
      } else drop(node);
      return;
    }
    if (tag === 'br') {
      inline.push('\n');
      return;
    }
    if (looksLikeChrome(node) && !holdsHeadline(node)) {
      drop(node);
      return;
    }
    if (HEADINGS.has(tag) && !quote) {
      flush();
      const text = collapse(textOf(node));
      if (!text) return;
      if (tag === 'h1' && headline === null) {
        headline = text;
        headlineAt = units.length;
      } else units.push({ kind: 'heading', text });
      return;
    }
    if (tag === 'blockquote' && !quote) {
      flush();
      quote = [];
      node.childNodes.forEach(visit);
      flush();
      if (quote.length > 0) units.push({ kind: 'quote', paragraphs: quote });
      quote = null;
      return;
    }
    const block = BLOCKS.has(tag) || HEADINGS.has(tag);
    if (block) flush();
    node.childNodes.forEach(visit);
    if (block) flush();
  };
  visit(findFirst(document, 'body') ?? root);
  flush();

  if (headline === null) {
    const outside = findFirst(document, 'h1');
    headline = outside ? collapse(textOf(outside)) || null : titleOf(document);
  } else {
    // What comes before the headline is a kicker, a ticker or a menu, not the story.
    for (const unit of units.splice(0, headlineAt)) dropped.push(unit.kind === 'quote' ? unit.paragraphs.join(' ') : unit.text);
  }
  return { headline, units, dropped };
}

/** og:title, else <title> less a trailing " | Site name". */
function titleOf(document: DefaultTreeAdapterMap['document']): string | null {
  const og = findAll(document, 'meta').find((m) => attribute(m, 'property') === 'og:title');
  const content = og && collapse(attribute(og, 'content') ?? '');
  if (content) return content;
  const title = findAll(document, 'title')[0];
  const text = title ? collapse(textOf(title)) : '';
  return text.replace(/\s+[|–—-]\s+[^|–—-]{1,40}$/, '') || null;
}

// --- Shared by both readers ---------------------------------------------------------------------

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Lines that are the page talking, not the story. Only short lines qualify, so a paragraph that
 * merely mentions a newsletter or a comment stays.
 */
const CHROME_LINES: RegExp[] = [
  /\b(subscribe|sign up|signup|register)( now| today| here| for free)?[.!]?$/i,
  /^(subscribe|sign up|signup) (to|for) (our|the)\b/i,
  /\bget (real[- ]time|the latest|breaking|instant) (news|updates|alerts|notifications)\b/i,
  /^(also read|read also|read more|must read|see also|more from|you may also like|don't miss|recommended|related( stories| articles| news)?|trending( now)?|also watch|watch( video)?)\b\s*([:|–—-]|$)/i,
  /^comments? (are|is) (now )?(closed|disabled|off)\.?$/i,
  /^(leave|post|add|write) a (comment|reply)\b/i,
  /^(show|view|load|read) (all )?(\d+ )?comments?\b/i,
  /^(\d+ )?comments?( \(\d+\))?$/i,
  /^(share|share this( article| story)?|share on \w+|click to share|tweet|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|e-?mail|print|copy link)(\s*[|·•,/]?\s*(share|tweet|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|e-?mail|print|copy link))*$/i,
  /^follow (us|\w+) on\b/i,
  /^(download|get) (the|our) (\w+ )?app\b/i,
  /^(click|tap) here\b/i,
  /^(advertisement|sponsored( content)?|story continues below( this ad| advertisement)?|continue reading below|scroll to continue)$/i,
  /\bauto-generated from a syndicated feed\b/i,
  /^(updated|published|last updated|posted|first published)( on| at)?\s*:?\s*\S.{0,60}$/i,
  /^[Bb]y \p{Lu}[\p{L}.'’-]*( \p{L}[\p{L}.'’-]*){0,5}$/u,
];

function isChrome(line: string): boolean {
  return line.length <= 200 && CHROME_LINES.some((pattern) => pattern.test(line));
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

// --- Candidate names ----------------------------------------------------------------------------

/** Lower-case words that may sit inside a name: "Institute for Economics and Peace", "Osama bin Laden". */
const CONNECTORS = new Set(['of', 'for', 'on', 'the', 'and', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'y']);

/** Capitalised, these are still ordinary words: they start sentences and headlines, not names. */
const STOP_WORDS = new Set(
  (
    'a an the this that these those it its it’s it\'s in on at by for from with within without into onto upon since after before during over under ' +
    'if when while where what who whom whose why how but and or nor so yet as than then there here he she they we i you his her their our my your ' +
    'him them us me also however although though because despite according quoting meanwhile moreover furthermore still even just only not no yes ' +
    'all some many more most much few one two three four five six seven eight nine ten first second third last next other another such each every ' +
    'is are was were be been being has have had do does did would shall should can could might must ' +
    'mr mrs ms dr sir lord lady gen col lt sgt capt prof president minister prime chief secretary senator governor ' +
    'monday tuesday wednesday thursday friday saturday sunday january february april june july august september october november december ' +
    'today yesterday tomorrow now'
  ).split(' '),
);
/** All in capitals, and still not names. */
const COMMON_ACRONYMS = new Set(['OK', 'TV', 'AM', 'PM', 'AD', 'BC', 'ID', 'PS', 'FAQ', 'PDF', 'URL', 'FYI', 'ASAP', 'RIP']);

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = /^(?:mr|mrs|ms|dr|st|jr|sr|gen|lt|col|sgt|capt|prof|rev|gov|sen|rep|no|vs|etc|(?:\p{L}\.)+\p{L})$/iu;

interface Word {
  text: string;
  start: number;
  end: number;
  /** Ends in "’s": a name stops there ("George Washington University’s Program"). */
  possessive: boolean;
  sentenceStart: boolean;
  capitalised: boolean;
  acronym: boolean;
  inTitleLine: boolean;
}

function wordsOf(text: string): Word[] {
  const titleLines = titleCaseLines(text);
  const words: Word[] = [];
  const pattern = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-‐‑.'’&][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
  let previousEnd = 0;
  let line = 0;
  for (const match of text.matchAll(pattern)) {
    let word = match[0];
    const start = match.index;
    let end = start + word.length;
    // "U.S." and "Dr." keep their full stop; a sentence's full stop is not the word's.
    if (text[end] === '.' && ABBREVIATIONS.test(word)) end++;
    const gap = text.slice(previousEnd, start);
    // An abbreviation took its full stop, so a full stop in the gap ends a sentence.
    const sentenceStart = words.length === 0 || /[.!?…:\n]/.test(gap);
    for (let i = gap.indexOf('\n'); i !== -1; i = gap.indexOf('\n', i + 1)) line++;
    const possessive = /['’]s$/u.test(word);
    if (possessive) {
      word = word.slice(0, -2);
      end = start + word.length;
    }
    const letters = word.replace(/[^\p{L}]/gu, '');
    const parts = word.split(/[-‐‑]/);
    words.push({
      text: text.slice(start, end),
      start,
      end,
      possessive,
      sentenceStart,
      acronym: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      capitalised: /^[\p{Lu}\p{Lt}]/u.test(word) || (parts.length > 1 && CONNECTORS.has(parts[0]) && /^\p{Lu}/u.test(parts[1])),
      inTitleLine: titleLines.has(line),
    });
    previousEnd = end;
  }
  return words;
}

/**
 * Lines in title case ("What Is ISIS-K That Claimed Responsibility For Kabul Airport Blasts?"),
 * where capitals say nothing about names: every long word capitalised, and an ordinary word
 * capitalised past the first. Lines in capitals too.
 */
function titleCaseLines(text: string): Set<number> {
  const lines = new Set<number>();
  text.split('\n').forEach((line, i) => {
    const words = line.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? [];
    const long = words.filter((w) => w.length >= 4);
    const allCapitalised = long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w));
    const shouted = long.length >= 3 && long.every((w) => w === w.toUpperCase());
    const capitalStopWord = words.slice(1).some((w) => /^\p{Lu}/u.test(w) && STOP_WORDS.has(w.toLowerCase()));
    if (shouted || (allCapitalised && capitalStopWord)) lines.add(i);
  });
  return lines;
}

/**
 * Proper names in `text` that no known span covers: runs of capitalised words ("Amira Jadoon",
 * "Institute for Economics and Peace") and acronyms ("UN"), first appearance first, each name once.
 * A lone capitalised word is not proposed: it is as often the first word of a sentence.
 */
export function proposeCandidates(text: string, known: Array<{ start: number; end: number }>): Array<{ name: string; start: number; end: number }> {
  const covered = new Uint8Array(text.length + 1);
  for (const { start, end } of known) covered.fill(1, Math.max(0, start), Math.min(text.length, end));
  const words = wordsOf(text);
  const lowerCaseWords = new Set(words.filter((w) => /^\p{Ll}/u.test(w.text)).map((w) => w.text));
  const capitalisedInside = new Set(words.filter((w) => w.capitalised && !w.sentenceStart && !w.inTitleLine).map((w) => w.text));

  const isOrdinary = (word: Word): boolean => {
    const lower = word.text.toLowerCase().replace(/\.$/, '');
    if (word.acronym) return COMMON_ACRONYMS.has(word.text.replace(/\./g, ''));
    if (STOP_WORDS.has(lower)) return true;
    // First in a sentence, a capital proves nothing: an ordinary word is one the text also writes in lower case.
    if (!word.sentenceStart || capitalisedInside.has(word.text)) return false;
    return lowerCaseWords.has(lower);
  };
  const isCovered = (word: Word) => covered.subarray(word.start, word.end).some((c) => c === 1);

  const proposals: Array<{ name: string; start: number; end: number }> = [];
  const seen = new Set<string>();
  let run: Word[] = [];
  const close = () => {
    // A name neither starts nor ends with a connector: "of Uzbekistan", "Taliban and".
    while (run.length > 0 && !run[run.length - 1].capitalised) run.pop();
    const names = run.filter((w) => w.capitalised).length;
    if (names >= 2 || (run.length === 1 && run[0].acronym)) {
      const start = run[0].start;
      const end = run[run.length - 1].end;
      const name = text.slice(start, end);
      const key = foldName(name);
      if (!seen.has(key)) {
        seen.add(key);
        proposals.push({ name, start, end });
      }
    }
    run = [];
  };

  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const joined = run.length > 0 && /^[ \t\u00a0]+$/.test(text.slice(run[run.length - 1].end, word.start)) && !run[run.length - 1].possessive;
    if (!joined) close();
    if (word.inTitleLine || isCovered(word)) {
      close();
      continue;
    }
    if (word.capitalised || word.acronym) {
      if (isOrdinary(word)) {
        close();
        continue;
      }
      run.push(word);
    } else if (run.length > 0 && CONNECTORS.has(word.text) && connectorFits(word.text, run)) {
      run.push(word);
    } else close();
    if (word.possessive) close();
  }
  close();
  return proposals;
}

/**
 * "of", "for" and "on" join a name only after a word that heads institutions, so that "Islamic
 * Movement of Uzbekistan" is one name and "Andrew Mines of West Point" two. "and" joins only
 * inside such a name ("Institute for Economics and Peace", not "Iraq and Syria"); "the" only
 * after another connector ("Bank of the West").
 */
const INSTITUTION_WORDS = new Set(
  (
    'institute institution university college school academy program programme centre center council committee commission ' +
    'movement party front army force forces brigade corps command ministry department office bureau agency authority board ' +
    'bank fund foundation society association organisation organization union league federation alliance court tribunal ' +
    'republic kingdom state states emirate province church museum library hospital company corporation group network ' +
    'secretary minister president prince princess king queen duke chief director house senate assembly parliament'
  ).split(' '),
);

function connectorFits(connector: string, run: Word[]): boolean {
  const previous = run[run.length - 1];
  if (!previous.capitalised) return connector === 'the' && ['of', 'for', 'on'].includes(previous.text);
  if (connector === 'the') return false;
  if (connector === 'and') return run.some((w) => w.text === 'of' || w.text === 'for');
  if (['of', 'for', 'on'].includes(connector)) return INSTITUTION_WORDS.has(previous.text.toLowerCase());
  return true;
}
