import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptsEncoding, representation, sendRepresentation } from './conditional-get';
import { type Framing, htmlHeaders } from './security-headers';

/** Pages change when an editor publishes a correction: cached briefly, revalidated by ETag. */
export const PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=3600';
export const MISSING_PAGE_CACHE = 'public, max-age=30';

/** The shape of a slug, as the API defines it; anything else is not one of our pages. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface HtmlOptions {
  framing: Framing;
  cache: string;
  /** Replaces the default policy (the example news page has its own). */
  csp?: string;
  /** The language the page is in (`Content-Language`). */
  language?: string;
  /** The page was chosen by the request's Accept-Language. */
  varyLanguage?: boolean;
  /** More headers, on a 304 too (a CDN revalidating its copy keeps the Surrogate-Key it purges by). */
  extraHeaders?: Record<string, string>;
}

/** Sends a rendered page with its security headers, gzipped when the client takes it, 304 when unchanged. */
export function sendHtml(req: IncomingMessage, res: ServerResponse, status: number, html: string, options: HtmlOptions): void {
  const { 'content-type': type, ...headers } = htmlHeaders(options.framing, options.csp);
  const vary = options.varyLanguage ? 'accept-encoding, accept-language' : 'accept-encoding';
  if (options.language) headers['content-language'] = options.language;
  // Pages are rendered per request: compressed only for a client that takes it.
  const page = representation(html, type, acceptsEncoding(req, 'gzip') ? 'fast' : 'none');
  sendRepresentation(req, res, page, { ...headers, ...options.extraHeaders, 'cache-control': options.cache, vary }, status);
}
