/**
 * The HTML Backstory hands out for a partner to paste: the explainer page's "embed this" snippet and
 * oEmbed's html (the README shows the same). Each starts with a link to backstory.css, which reserves the
 * box's space before any script of ours has run, with no inline style, so a strict CSP needs only our
 * origin in style-src.
 */
import { escapeHtml } from './html';

export function reserveStylesheet(origin: string): string {
  return `<link rel="stylesheet" href="${escapeHtml(origin)}/widgets/v1/backstory.css">`;
}

/** The custom element; lang only when the edition is not English, the language the box speaks by default. */
export function boxSnippet(origin: string, slug: string, locale: string): string {
  const lang = locale === 'en' ? '' : ` lang="${escapeHtml(locale)}"`;
  return [
    reserveStylesheet(origin),
    `<script async src="${escapeHtml(origin)}/widgets/v1/backstory.js"></script>`,
    `<backstory-box explainer="${escapeHtml(slug)}"${lang}></backstory-box>`,
  ].join('\n');
}

export interface IframeOptions {
  /** Where backstory.css comes from: the origin of the embed page. */
  origin: string;
  src: string;
  title: string;
  width: number;
  height: number;
}

/**
 * The embed as an iframe. Its height attribute already reserves the collapsed box's height; backstory.css
 * keeps a frame from overflowing a narrow column. `data-backstory` lets backstory.js, when the page has it,
 * size the frame to the box.
 */
export function iframeSnippet({ origin, src, title, width, height }: IframeOptions): string {
  return `${reserveStylesheet(origin)}<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="${width}" height="${height}" loading="lazy" frameborder="0" data-backstory></iframe>`;
}
