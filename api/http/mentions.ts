/**
 * POST /mentions/v1: the mentions of released entities in a partner's text, for hovercards.
 *
 *   POST /mentions/v1?locale=fr&entity=isis-k      Content-Type: text/plain;charset=UTF-8
 *   <the article's text, at most 20 KB>
 *
 * A POST, not a persisted GET keyed by the text's hash: a GET can carry only the hash, so the first
 * reader of every article would miss (at the CDN and here) and need a second request with the text
 * anyway, and 20 KB of text does not fit in a URL. A text/plain POST with no custom header is a
 * CORS-simple request (no preflight) that a strict CSP allows with the connect-src it already gives
 * the API. The caching a GET would have bought is kept by the hash instead: this process keeps each
 * answer by the text's sha256 until the next publish (api/mentions/mentions.ts), and the widget keeps
 * it by its own hash of the text in memory and sessionStorage. Every request, cached or not, counts
 * against the IP's MENTIONS_PER_MINUTE.
 */
import type { ServerResponse } from 'node:http';
import { ApiErrorCode, errorBody, httpStatus } from '../errors';
import { canonicalTag } from '../locale/negotiate';
import { MAX_ENTITIES, MAX_TEXT_BYTES, type Mentions } from '../mentions/mentions';
import { RateLimitedError, type RateLimits } from '../plugins/rate-limit';
import { BodyTooLargeError, readBody } from './body';
import { representation, sendRepresentation } from './conditional-get';
import { type Route, sendJson } from './route';

export const MENTIONS_PATH = '/mentions/v1';

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
};

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const fail = (res: ServerResponse, code: ApiErrorCode, message: string, headers: Record<string, string> = {}) =>
  sendJson(res, httpStatus[code], errorBody(code, message), { ...cors, 'cache-control': 'no-store', ...headers });

export function mentionsRoutes(mentions: Mentions, limits: RateLimits): Route[] {
  return [
    {
      method: 'POST',
      path: MENTIONS_PATH,
      handler: async (req, res, _params, url) => {
        const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (type !== 'text/plain') return fail(res, ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, 'send the text as text/plain (UTF-8)');
        const locale = url.searchParams.get('locale');
        const canonical = locale === null ? undefined : canonicalTag(locale);
        if (locale !== null && canonical === undefined) return fail(res, ApiErrorCode.BAD_REQUEST, 'locale: not a BCP 47 language tag');
        const explicit = [...new Set(url.searchParams.getAll('entity'))];
        if (explicit.length > MAX_ENTITIES) return fail(res, ApiErrorCode.BAD_REQUEST, `entity: at most ${MAX_ENTITIES}`);
        const bad = explicit.find((slug) => slug.length > 200 || !slugPattern.test(slug));
        if (bad !== undefined) return fail(res, ApiErrorCode.BAD_REQUEST, `entity: "${bad.slice(0, 40)}" is not a slug`);

        try {
          await limits.mentions(req.socket.remoteAddress ?? '');
        } catch (error) {
          if (!(error instanceof RateLimitedError)) throw error;
          return fail(res, ApiErrorCode.RATE_LIMITED, error.message, { 'retry-after': String(error.extensions.retryAfter) });
        }
        let text: string;
        try {
          text = await readBody(req, MAX_TEXT_BYTES);
        } catch (error) {
          if (!(error instanceof BodyTooLargeError)) throw error;
          // The rest of the body is not read: the connection closes rather than waiting for it.
          return fail(res, ApiErrorCode.PAYLOAD_TOO_LARGE, `send at most ${MAX_TEXT_BYTES} bytes of text`, { connection: 'close' });
        }
        if (text.trim() === '' && explicit.length === 0) return fail(res, ApiErrorCode.BAD_REQUEST, 'send some text, or name an entity');

        const { answer, cached } = await mentions.find({ text, locale: canonical, explicit });
        sendRepresentation(req, res, representation(JSON.stringify(answer), 'application/json; charset=utf-8', 'fast'), {
          ...cors,
          // Browsers and CDNs do not keep answers to POSTs; the widget keeps this one itself.
          'cache-control': 'no-store',
          'x-cache': cached ? 'hit' : 'miss',
        });
      },
    },
    {
      method: 'OPTIONS',
      path: MENTIONS_PATH,
      handler: (_req, res) => {
        res.writeHead(204, cors);
        res.end();
      },
    },
  ];
}
