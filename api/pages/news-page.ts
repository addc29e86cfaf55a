/**
 * The example partner page (examples/news-page/): a template with the Backstory origin, its CSP and an
 * oEmbed answer's html filled in. Kept free of anything else of ours so any server can render it: the API
 * serves it at /examples/news-page/, and the browser tests serve it from a second origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../http/html';
import { repoRoot } from '../http/repo-root';

export const newsPageDir = (): string => join(repoRoot(), 'examples', 'news-page');

export function readNewsPageTemplate(dir: string = newsPageDir()): string {
  return readFileSync(join(dir, 'index.html'), 'utf8');
}

/**
 * What a strict publisher allows: its own files and Backstory's, nothing inline, nothing evaluated.
 * (frame-ancestors cannot be set from <meta>; a server adds it to the header.)
 */
export function newsPageCsp(backstoryOrigin: string): string {
  const b = new URL(backstoryOrigin).origin;
  return [
    "default-src 'self'",
    `script-src 'self' ${b}`,
    `style-src 'self' ${b}`,
    `connect-src 'self' ${b}`,
    `frame-src ${b}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface NewsPageValues {
  /** The Backstory origin the page loads the widget, the iframe and the API from. */
  backstory: string;
  /** The html of an oEmbed answer for the explainer, inserted as it came (the publisher trusts its provider). */
  oembedHtml: string;
}

export function renderNewsPage(template: string, { backstory, oembedHtml }: NewsPageValues): string {
  const origin = new URL(backstory).origin;
  const values: Record<string, string> = {
    BACKSTORY: escapeHtml(origin),
    CSP: escapeHtml(newsPageCsp(origin)),
    OEMBED: oembedHtml,
  };
  return template.replace(/\{\{(BACKSTORY|CSP|OEMBED)\}\}/g, (_, name: string) => values[name]);
}
