/**
 * oEmbed 1.0 (https://oembed.com) for explainer pages: a CMS given the URL of one of our explainer pages
 * asks /oembed?url=... and gets a "rich" answer whose html is an iframe to the embed page, after the link to backstory.css.
 *
 * Spec clauses this follows: url is required (400 without it); only JSON is offered (501 for
 * format=xml); a URL we have nothing for is 404; width and height never exceed maxwidth/maxheight.
 */
import type { IncomingMessage } from 'node:http';
import { tagHeaders } from '../cdn/purge';
import { readPreferences } from '../locale/negotiate';
import { SLUG } from './html';
import { iframeSnippet } from './snippets';
import { type HttpContext, type Route, sendJson } from './route';

/** The iframe's default size: the collapsed compact box is 12.75em + 2px tall (see widgets/src/styles.ts) at 16px. */
export const EMBED_WIDTH = 600;
export const EMBED_HEIGHT = 206;
/** How long a consumer may keep our answer: the html only points at the embed page, which stays current itself. */
export const OEMBED_CACHE_AGE = 86_400;

export interface ExplainerPageRef {
  /** Origin the page was addressed at: the embed page is served there too. */
  origin: string;
  slug: string;
  locale?: string;
}

/**
 * The origins this server answers to: PUBLIC_URL's, and the one this request was addressed to (a server
 * reached under another name, as tests and private networks do, still knows its own pages).
 */
export function ownOrigins(publicUrl: string, req?: IncomingMessage): Set<string> {
  const origins = new Set([new URL(publicUrl).origin]);
  const host = req?.headers.host;
  if (host && /^[a-z0-9.\-[\]:]+$/i.test(host)) origins.add(`http://${host.toLowerCase()}`);
  return origins;
}

/** Recognises /explainers/:slug (?locale=) on one of our origins; anything else is not ours. */
export function explainerPageRef(url: URL, origins: Set<string>): ExplainerPageRef | undefined {
  if (!origins.has(url.origin)) return undefined;
  const match = /^\/explainers\/([^/]+)\/?$/.exec(url.pathname);
  if (!match || !SLUG.test(match[1])) return undefined;
  const locale = url.searchParams.get('locale') ?? undefined;
  return { origin: url.origin, slug: match[1], locale };
}

export function embedPageUrl(ref: ExplainerPageRef): string {
  const query = ref.locale ? `?locale=${encodeURIComponent(ref.locale)}` : '';
  return `${ref.origin}/embed/explainers/${ref.slug}${query}`;
}

export interface OEmbedResponse {
  type: 'rich';
  version: '1.0';
  title: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  width: number;
  height: number;
  html: string;
}

const LOOKUP = `query OEmbed($slug: String!, $locale: String) { explainer(slug: $slug, locale: $locale) { title locale } }`;

/**
 * The oEmbed answer for a page of ours (undefined when there is no such published explainer), and the
 * tags of the lookup, found or not.
 */
export async function oembedFor(
  ctx: HttpContext,
  ref: ExplainerPageRef,
  max: { width?: number; height?: number } = {},
  /** The consumer's Accept-Language, for a page URL that names no locale. */
  acceptLanguage?: string,
): Promise<{ answer?: OEmbedResponse; tags: readonly string[] }> {
  const locale = readPreferences(ref.locale).tags.join(', ') || readPreferences(acceptLanguage).tags.join(', ') || undefined;
  const result = await ctx.execute<{ explainer: { title: string; locale: string } | null }>(LOOKUP, { slug: ref.slug, locale });
  const explainer = result.data?.explainer;
  if (!explainer) return { tags: result.tags };
  const width = Math.min(EMBED_WIDTH, max.width ?? EMBED_WIDTH);
  const height = Math.min(EMBED_HEIGHT, max.height ?? EMBED_HEIGHT);
  const answer: OEmbedResponse = {
    type: 'rich',
    version: '1.0',
    title: explainer.title,
    provider_name: 'Backstory',
    provider_url: ctx.config.publicUrl,
    cache_age: OEMBED_CACHE_AGE,
    width,
    height,
    html: iframeSnippet({ origin: ref.origin, src: embedPageUrl(ref), title: `Backstory: ${explainer.title}`, width, height }),
  };
  return { answer, tags: result.tags };
}

function dimension(value: string | null): number | undefined | 'bad' {
  if (value === null || value === '') return undefined;
  return /^[1-9]\d{0,4}$/.test(value) ? Number(value) : 'bad';
}

export function oembedRoutes(ctx: HttpContext): Route[] {
  const cors = { 'access-control-allow-origin': '*' };
  const fail = (res: Parameters<Route['handler']>[1], status: number, error: string, tags: readonly string[] = []) =>
    sendJson(res, status, { error }, { ...cors, 'cache-control': 'public, max-age=60', ...tagHeaders(tags) });
  return [
    {
      method: 'GET',
      path: '/oembed',
      handler: async (req, res, _params, url) => {
        const format = url.searchParams.get('format');
        if (format !== null && format !== 'json') return fail(res, 501, 'only format=json is implemented');
        const target = url.searchParams.get('url');
        if (!target) return fail(res, 400, 'the url parameter is required');
        let page: URL;
        try {
          page = new URL(target);
        } catch {
          return fail(res, 400, 'the url parameter is not an absolute URL');
        }
        if (page.protocol !== 'http:' && page.protocol !== 'https:') return fail(res, 400, 'the url parameter is not an http(s) URL');
        const width = dimension(url.searchParams.get('maxwidth'));
        const height = dimension(url.searchParams.get('maxheight'));
        if (width === 'bad' || height === 'bad') return fail(res, 400, 'maxwidth and maxheight are positive integers');

        const ref = explainerPageRef(page, ownOrigins(ctx.config.publicUrl, req));
        const acceptLanguage = typeof req.headers['accept-language'] === 'string' ? req.headers['accept-language'].slice(0, 500) : undefined;
        const found = ref && (await oembedFor(ctx, ref, { width, height }, acceptLanguage));
        // Not found after a lookup: the lookup's tags let a publish of that slug purge the cached 404.
        if (!found?.answer) return fail(res, 404, 'no published explainer at that url', found ? found.tags : []);
        const { answer, tags } = found;
        // The title is in the language the page URL names, or else the one the consumer asked for.
        sendJson(res, 200, answer, { ...cors, 'cache-control': `public, max-age=${OEMBED_CACHE_AGE}`, vary: 'accept-language', ...tagHeaders(tags) });
      },
    },
  ];
}
