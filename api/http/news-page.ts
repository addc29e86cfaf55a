/**
 * /examples/news-page/: the example partner page and its files, for trying the box locally (npm start
 * prints the URL). The Backstory origin filled in is PUBLIC_URL's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagHeaders } from '../cdn/purge';
import { newsPageCsp, newsPageDir, readNewsPageTemplate, renderNewsPage } from '../pages/news-page';
import { PAGE_CACHE, sendHtml } from './html';
import { explainerPageRef, oembedFor, ownOrigins } from './oembed';
import { type HttpContext, type Route, send, sendJson } from './route';
import { type StaticFile, staticFile } from './static-file';
import { sendRepresentation } from './conditional-get';

export const NEWS_PAGE_PATH = '/examples/news-page/';
const EXAMPLE_SLUG = 'what-is-isis-k';

export function newsPageRoutes(ctx: HttpContext): Route[] {
  const dir = newsPageDir();
  let template: string | undefined;
  const files = new Map<string, StaticFile>();
  try {
    template = readNewsPageTemplate(dir);
    files.set('news.css', staticFile(readFileSync(join(dir, 'news.css')), 'text/css; charset=utf-8'));
    files.set('news.js', staticFile(readFileSync(join(dir, 'news.js')), 'text/javascript; charset=utf-8'));
  } catch (error) {
    ctx.logger.warn({ err: error, dir }, 'the example news page is missing; /examples/news-page/ answers 404');
  }
  const { publicUrl } = ctx.config;
  return [
    {
      method: 'GET',
      path: NEWS_PAGE_PATH,
      handler: async (req, res, _params, url) => {
        if (!template) return sendJson(res, 404, { error: 'not found' });
        // Relative links in the page need the trailing slash.
        if (!url.pathname.endsWith('/')) return send(res, 301, '', { location: NEWS_PAGE_PATH });
        const ref = explainerPageRef(new URL(`${publicUrl}/explainers/${EXAMPLE_SLUG}`), ownOrigins(publicUrl));
        const oembed = ref ? await oembedFor(ctx, ref) : undefined;
        const html = renderNewsPage(template, {
          backstory: publicUrl,
          oembedHtml: oembed?.answer?.html ?? '<p>(The oEmbed answer was empty: is the example explainer published?)</p>',
        });
        sendHtml(req, res, 200, html, {
          framing: 'none',
          cache: PAGE_CACHE,
          csp: `${newsPageCsp(publicUrl)}; frame-ancestors 'none'`,
          extraHeaders: tagHeaders(oembed?.tags ?? []),
        });
      },
    },
    {
      method: 'GET',
      path: `${NEWS_PAGE_PATH}:file`,
      handler: (req, res, params) => {
        const file = files.get(params.file ?? '');
        if (!file) return sendJson(res, 404, { error: 'not found' });
        sendRepresentation(req, res, file, { 'cache-control': 'public, max-age=300' });
      },
    },
  ];
}
