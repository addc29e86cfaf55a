/** /embed/explainers/:slug (?locale=&variant=&theme=): the box as a page any site may frame. */
import type { ThemeSetting } from '../../widgets/src/attributes';
import type { Variant } from '../../widgets/src/components/ContextBox';
import { CONTEXT_BOX_QUERY } from '../../widgets/src/query';
import type { ContextBoxData } from '../../widgets/src/types';
import { tagHeaders } from '../cdn/purge';
import { type EmbedAssets, renderEmbedPage, renderEmbedUnavailable } from '../pages/embed-page';
import { MISSING_PAGE_CACHE, PAGE_CACHE, SLUG, sendHtml } from './html';
import { firstTag } from './explainer-page';
import { readerLocale } from './reader-locale';
import type { HttpContext, Route } from './route';

export function embedPageRoutes(ctx: HttpContext, assets: EmbedAssets): Route[] {
  return [
    {
      method: 'GET',
      path: '/embed/explainers/:slug',
      handler: async (req, res, params, url) => {
        const slug = params.slug ?? '';
        const q = url.searchParams;
        const variant: Variant = q.get('variant') === 'full' ? 'full' : 'compact'; // default compact, as on <backstory-box>
        const t = q.get('theme');
        const theme: ThemeSetting = t === 'light' || t === 'dark' ? t : 'auto'; // default auto
        const { locale, fromHeader } = readerLocale(url, req);
        // A 404 carries the lookup's tags too: publishing the slug purges it wherever it is cached.
        const unavailable = (tags: readonly string[] = []) =>
          sendHtml(req, res, 404, renderEmbedUnavailable({ lang: firstTag(locale), theme, assets }), {
            framing: 'any',
            cache: MISSING_PAGE_CACHE,
            varyLanguage: fromHeader,
            extraHeaders: tagHeaders(tags),
          });
        if (!SLUG.test(slug)) return unavailable();
        // The very operation the widget sends, run in-process: the frame and the custom element show the same box.
        const result = await ctx.execute<{ contextBox: ContextBoxData | null }>(CONTEXT_BOX_QUERY, { explainer: slug, locale });
        const box = result.data?.contextBox;
        if (!box) {
          if (result.errors?.length) throw new Error(`embed page query failed: ${result.errors[0].message}`);
          return unavailable(result.tags);
        }
        const html = renderEmbedPage({ box, variant, theme, assets, uiLocales: locale ? locale.split(', ') : [] });
        sendHtml(req, res, 200, html, { framing: 'any', cache: PAGE_CACHE, language: box.locale, varyLanguage: fromHeader, extraHeaders: tagHeaders(result.tags) });
      },
    },
  ];
}
