import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { send } from './route';
import { type Framing, htmlHeaders } from './security-headers';
import { acceptsEncoding, contentHash, notModified } from './static-file';

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
  const vary = options.varyLanguage ? 'accept-encoding, accept-language' : 'accept-encoding';
  const headers: Record<string, string> = { ...htmlHeaders(options.framing, options.csp), ...options.extraHeaders, 'cache-control': options.cache, vary };
  if (options.language) headers['content-language'] = options.language;
  let body = Buffer.from(html);
  const gzip = body.length > 1024 && acceptsEncoding(req, 'gzip');
  headers.etag = `"${contentHash(body)}${gzip ? '-gz' : ''}"`;
  if (status === 200 && notModified(req, headers.etag)) {
    res.writeHead(304, { ...options.extraHeaders, etag: headers.etag, 'cache-control': options.cache, vary });
    res.end();
    return;
  }
  if (gzip) {
    body = gzipSync(body, { level: 6 });
    headers['content-encoding'] = 'gzip';
  }
  send(res, status, body, headers);
}
