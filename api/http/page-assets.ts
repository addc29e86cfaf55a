/**
 * Stylesheets of our own pages, built in memory at start and served at content-hashed URLs
 * (/assets/<name>.<hash>.css) so they can be cached for a year and a deploy still takes effect at once.
 */
import { ARTICLE_CSS } from '../pages/article-styles';
import { EMBED_NOSCRIPT_CSS, embedStylesheet } from '../pages/embed-styles';
import { ENTITY_CSS } from '../pages/entity-styles';
import type { Route } from './route';
import { sendJson } from './route';
import { type StaticFile, contentHash, staticFile } from './static-file';
import { sendRepresentation } from './conditional-get';
import { IMMUTABLE_CACHE } from './widget-files';

export interface PageAssets {
  /** URL path of each stylesheet, by name. */
  urls: { article: string; entity: string; embed: string; embedNoscript: string };
  routes: Route[];
}

export function pageAssets(): PageAssets {
  const files = new Map<string, StaticFile>();
  const add = (name: string, css: string): string => {
    const file = `${name}.${contentHash(css, 8)}.css`;
    files.set(file, staticFile(css, 'text/css; charset=utf-8'));
    return `/assets/${file}`;
  };
  const urls = {
    article: add('explainer', ARTICLE_CSS),
    entity: add('entity', ENTITY_CSS),
    embed: add('embed', embedStylesheet()),
    embedNoscript: add('embed-noscript', EMBED_NOSCRIPT_CSS),
  };
  return {
    urls,
    routes: [
      {
        method: 'GET',
        path: '/assets/:file',
        handler: (req, res, params) => {
          const file = files.get(params.file ?? '');
          if (!file) return sendJson(res, 404, { error: 'not found' });
          // Open to every origin: the embed page's stylesheet is fetched from inside partners' pages.
          sendRepresentation(req, res, file, { 'cache-control': IMMUTABLE_CACHE, 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' });
        },
      },
    ],
  };
}
