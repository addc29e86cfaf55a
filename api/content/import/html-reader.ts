/**
 * Articles fetched as HTML, read the way a browser parses them (parse5): the story's element, its
 * headings, paragraphs and block quotes, without the furniture around it.
 */
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { type Reading, type Unit, collapse } from './reading';

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

export function readHtml(html: string): Reading {
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
