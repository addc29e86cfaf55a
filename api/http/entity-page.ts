/**
 * /entities/:slug (?locale=): the entity page, where the box of an entity no explainer is about links
 * to; 404 for a slug with nothing published, 301 from the slug of an entity merged into another.
 */
import { tagHeaders } from '../cdn/purge';
import { readPreferences } from '../locale/negotiate';
import { ENTITY_PAGE_QUERY, type EntityPageData } from '../pages/entity.query';
import { entityPageUrl } from '../pages/page-urls';
import { entityLocale, oneEditionEach, renderEntityNotFoundPage, renderEntityPage } from '../pages/entity-page';
import { PUBLISHER_NAME, firstTag } from './explainer-page';
import { MISSING_PAGE_CACHE, PAGE_CACHE, SLUG, sendHtml } from './html';
import { readerLocale } from './reader-locale';
import { type HttpContext, type Route, send } from './route';

export function entityPageRoutes(ctx: HttpContext, stylesheet: string): Route[] {
  const { publicUrl, locales } = ctx.config;
  const entityUrl = (slug: string) => entityPageUrl(ctx.config, slug);
  return [
    {
      method: 'GET',
      path: '/entities/:slug',
      handler: async (req, res, params, url) => {
        const slug = params.slug ?? '';
        const { locale, fromHeader } = readerLocale(url, req);
        // A 404 carries the lookup's tags too: publishing the slug purges it wherever it is cached.
        const notFound = (tags: readonly string[] = []) =>
          sendHtml(req, res, 404, renderEntityNotFoundPage({ lang: firstTag(locale), stylesheet, publisherName: PUBLISHER_NAME }), {
            framing: 'none',
            cache: MISSING_PAGE_CACHE,
            varyLanguage: fromHeader,
            extraHeaders: tagHeaders(tags),
          });
        if (!SLUG.test(slug)) return notFound();
        const result = await ctx.execute<EntityPageData>(ENTITY_PAGE_QUERY, { slug, locale });
        const entity = result.data?.entity;
        if (!entity) {
          if (result.errors?.length) throw new Error(`entity page query failed: ${result.errors[0].message}`);
          return notFound(result.tags);
        }
        // The API answers an old slug with the entity it was merged into: send the reader there for good.
        if (entity.slug !== slug) {
          return send(res, 301, '', { location: `/entities/${entity.slug}${url.search}`, 'cache-control': PAGE_CACHE, ...tagHeaders(result.tags) });
        }
        if (result.errors?.length) ctx.logger.warn({ slug, error: result.errors[0].message }, 'entity page rendered without part of its query');
        const box = result.data?.contextBox;
        const html = renderEntityPage({
          entity,
          // The box's question only when the box is this entity's: it looks an alias up before a slug.
          question: box && box.subject?.slug === entity.slug ? { text: box.question, locale: box.locale } : null,
          explainers: oneEditionEach(entity.explainers, readPreferences(locale).tags, locales[0]),
          url: entityUrl(entity.slug),
          entityUrl,
          stylesheet,
          publisher: { name: PUBLISHER_NAME, url: publicUrl },
        });
        sendHtml(req, res, 200, html, {
          framing: 'none',
          cache: PAGE_CACHE,
          language: entityLocale(entity),
          varyLanguage: fromHeader,
          extraHeaders: tagHeaders(result.tags),
        });
      },
    },
  ];
}

