/**
 * A third-party site for the browser tests: a second node:http server on its own port, reached as
 * http://localhost:<port> while Backstory answers at http://127.0.0.1:<port>. Different sites, so CORS,
 * CSP, cross-origin iframes and postMessage origins are exercised as on a real partner's page.
 */
import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { newsPageDir, readNewsPageTemplate, renderNewsPage } from '../../../api/pages/news-page';

export interface HostServer {
  origin: string;
  /** Serves body at path (exact match) from now on. */
  set(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

export async function startHostServer(): Promise<HostServer> {
  const pages = new Map<string, { body: string; type: string }>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const page = pages.get(path);
    if (!page) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404, { 'cache-control': 'no-store' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' });
    res.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    set(path, body, type = 'text/html; charset=utf-8') {
      pages.set(path, { body, type });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export const NEWS_PATH = '/news/';

/** Puts the example news page at /news/, its files beside it, with the oEmbed html fetched from the API as a CMS would. */
export async function serveNewsPage(host: HostServer, api: string): Promise<string> {
  const page = `${api}/explainers/what-is-isis-k`;
  const response = await fetch(`${api}/oembed?url=${encodeURIComponent(page)}&format=json`);
  if (!response.ok) throw new Error(`oEmbed answered ${response.status}`);
  const { html } = (await response.json()) as { html: string };
  host.set(NEWS_PATH, renderNewsPage(readNewsPageTemplate(), { backstory: api, oembedHtml: html }));
  host.set(`${NEWS_PATH}news.css`, readFileSync(join(newsPageDir(), 'news.css'), 'utf8'), 'text/css; charset=utf-8');
  host.set(`${NEWS_PATH}news.js`, readFileSync(join(newsPageDir(), 'news.js'), 'utf8'), 'text/javascript; charset=utf-8');
  return `${host.origin}${NEWS_PATH}`;
}

export interface PlainPageOptions {
  body: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** The Backstory origin to load backstory.js from; omitted for pages that only frame the box. */
  script?: string;
  /** Width of the body in CSS pixels (keeps screenshots small). */
  width?: number;
  /** Page background: it shows through the box's rounded corners. */
  background?: string;
}

/** A page with no styles of its own and no CSP: the baseline the hostile page is compared with. */
export function plainPage({ body, lang = 'en', dir = 'ltr', script, width = 640, background = '#fff' }: PlainPageOptions): string {
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Plain page</title>${
    script ? `<script async src="${script}/widgets/v1/backstory.js"></script>` : ''
  }</head><body style="max-width:${width}px;background:${background}">${body}</body></html>`;
}
