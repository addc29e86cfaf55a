/** /explainers/:slug (?locale=): the article page; 404 for a slug with nothing published. */
import { tagHeaders } from '../cdn/purge';
import { EXPLAINER_PAGE_QUERY, type ExplainerPageData } from '../pages/explainer.query';
import { renderExplainerPage, renderNotFoundPage } from '../pages/explainer-page';
import { MISSING_PAGE_CACHE, PAGE_CACHE, SLUG, sendHtml } from './html';
import { readerLocale } from './reader-locale';
import type { HttpContext, Route } from './route';
import { boxSnippet } from './snippets';

export const PUBLISHER_NAME = 'Backstory';

/** The best-liked tag of a preference list, for a page with no content to take its language from. */
export function firstTag(locale: string | undefined): string {
  return locale?.split(',')[0].trim() || 'en';
}

export function explainerPageRoutes(ctx: HttpContext, stylesheet: string): Route[] {
  return [
    {
      method: 'GET',
      path: '/explainers/:slug',
      handler: async (req, res, params, url) => {
        const slug = params.slug ?? '';
        const { locale, fromHeader } = readerLocale(url, req);
        // A 404 carries the lookup's tags too: publishing the slug purges it wherever it is cached.
        const notFound = (tags: readonly string[] = []) =>
          sendHtml(req, res, 404, renderNotFoundPage({ lang: firstTag(locale), stylesheet, publisherName: PUBLISHER_NAME }), {
            framing: 'none',
            cache: MISSING_PAGE_CACHE,
            varyLanguage: fromHeader,
            extraHeaders: tagHeaders(tags),
          });
        if (!SLUG.test(slug)) return notFound();
        const result = await ctx.execute<ExplainerPageData>(EXPLAINER_PAGE_QUERY, { slug, locale });
        const explainer = result.data?.explainer;
        if (!explainer) {
          if (result.errors?.length) throw new Error(`explainer page query failed: ${result.errors[0].message}`);
          return notFound(result.tags);
        }
        const { publicUrl } = ctx.config;
        const html = renderExplainerPage({
          explainer,
          keyFacts: result.data?.contextBox?.keyFacts ?? [],
          stylesheet,
          oembedUrl: `${publicUrl}/oembed?url=${encodeURIComponent(explainer.url)}&format=json`,
          publisher: { name: PUBLISHER_NAME, url: publicUrl },
          embedSnippet: boxSnippet(publicUrl, explainer.slug, explainer.locale),
        });
        sendHtml(req, res, 200, html, { framing: 'none', cache: PAGE_CACHE, language: explainer.locale, varyLanguage: fromHeader, extraHeaders: tagHeaders(result.tags) });
      },
    },
  ];
}
