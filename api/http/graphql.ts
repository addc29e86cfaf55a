import type { ApolloServer, HeaderMap } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import { tagHeaders } from '../cdn/purge';
import type { Config } from '../config';
import { ApiErrorCode, errorBody, httpStatus } from '../errors';
import type { Context } from '../graphql/context';
import type { Database } from '../store/database';
import { headerMapOf, headersOf, readGraphqlBody, sendApolloResponse } from './apollo-adapter';
import { prepare, representation, sendPrepared, sendRepresentation } from './conditional-get';
import { readPersistedGet } from './persisted-get';
import type { PersistedOperations } from './persisted-operations';
import type { ReleasedBoxes } from './released-boxes';
import { type CachedResponse, type ResponseCache, cacheKeyOf } from './response-cache';
import { type Route, sendJson } from './route';

/** No document the API needs comes near this; larger ones are refused before parsing. */
const documentLimit = 32 * 1024;

export interface GraphqlRouteOptions {
  apollo: ApolloServer<Context>;
  context: (headers: HeaderMap, ip: string) => Promise<Context>;
  config: Config;
  persisted: PersistedOperations;
  cache: ResponseCache;
  /** The widget's answers kept for released explainers: a miss of one is a read, not an execution. */
  boxes: ReleasedBoxes;
  db: Kysely<Database>;
}

/** What a response says to any origin's script; what it may send is told once, to the preflight. */
const cors = { 'access-control-allow-origin': '*' };
const preflight = {
  ...cors,
  'access-control-allow-headers': 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-max-age': '86400',
};

const fail = (res: ServerResponse, code: ApiErrorCode, message: string, headers: Record<string, string> = {}) =>
  sendJson(res, httpStatus[code], errorBody(code, message), { ...cors, ...headers });

/**
 * Apollo Server on plain node:http. Two kinds of request:
 * - a GET naming a persisted operation by hash (what widgets send): small, cacheable, and exempt
 *   from CSRF prevention because it can only run a listed read-only query without credentials;
 *   answered with Cache-Control, a strong ETag and 304s, from an in-process cache when it can;
 * - anything else, handed to Apollo as it is, with CSRF prevention, and never cached.
 * `answerFromCache` answers, before any routing, an anonymous GET whose URL and Accept were answered
 * from the cache before, while that response is kept.
 */
export function graphqlRoutes({ apollo, context, config, persisted, cache, boxes, db }: GraphqlRouteOptions): { routes: Route[]; answerFromCache: (req: IncomingMessage, res: ServerResponse) => boolean } {
  const publicHeaders = { 'cache-control': config.cacheControl, vary: 'accept, authorization' };
  const sendHit = (req: IncomingMessage, res: ServerResponse, hit: CachedResponse): void =>
    sendPrepared(req, res, (hit.prepared ??= prepare(hit, { ...cors, ...publicHeaders, ...hit.tagHeaders, 'x-cache': 'hit' })));
  const answerFromCache = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' || req.headers.authorization !== undefined || req.url === undefined) return false;
    const hit = cache.getByRequest(req.url, req.headers.accept);
    if (!hit) return false;
    sendHit(req, res, hit);
    return true;
  };

  const store = (req: IncomingMessage, key: string, ticket: number, response: CachedResponse): void => {
    cache.set(key, ticket, response);
    if (req.method === 'GET') cache.remember(req.url!, req.headers.accept, key);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const headers = headerMapOf(req);
    const anonymous = !headers.has('authorization');
    const persistedGet = readPersistedGet(req.method, url, persisted);
    if (persistedGet.kind === 'refused') return fail(res, persistedGet.code, persistedGet.message);
    const found = persistedGet.kind === 'found' ? persistedGet : undefined;
    if (found) headers.set('apollo-require-preflight', 'persisted');

    // Everything the response varies on: the operation, its variables, and the type the client accepts;
    // and the release event a live box refetches after, so that a replica which has not yet heard of
    // that event answers from the store rather than from its copy from before.
    const event = found ? (/^\d{1,15}$/.exec(url.searchParams.get('event') ?? '')?.[0] ?? '') : '';
    const cacheKey = found && anonymous && cache.enabled ? cacheKeyOf(found.hash, found.operationName, found.variables, headers.get('accept') ?? '', event) : undefined;
    const cacheHeaders: Record<string, string> = found && anonymous ? publicHeaders : { 'cache-control': anonymous ? 'no-store' : 'private, no-store' };
    if (cacheKey) {
      const hit = cache.get(cacheKey);
      if (hit) {
        if (req.method === 'GET') cache.remember(req.url!, req.headers.accept, cacheKey);
        return sendHit(req, res, hit);
      }
    }
    const ticket = cache.ticket();
    if (found && anonymous) {
      const kept = await boxes.read(db, found, headers.get('accept'));
      if (kept) {
        if (cacheKey) store(req, cacheKey, ticket, kept);
        return sendRepresentation(req, res, kept, { ...cors, ...cacheHeaders, ...kept.tagHeaders, 'x-cache': 'miss' });
      }
    }

    let body: unknown;
    if (req.method === 'POST') {
      const read = await readGraphqlBody(req, headers.get('content-type') ?? '');
      if ('refused' in read) return fail(res, read.refused.code, read.refused.message);
      body = read.body;
    }
    const search = found ? found.search() : url.search;
    const document = found ? undefined : req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
    if (typeof document === 'string' && document.length > documentLimit) {
      return fail(res, ApiErrorCode.PAYLOAD_TOO_LARGE, `the GraphQL document is over ${documentLimit} characters`);
    }

    const ip = req.socket.remoteAddress ?? '';
    // Kept to read, after execution, which releases the response read: its tags.
    let requestContext: Context | undefined;
    // The deadline and the response's size are checked while it executes (api/graphql/execution-limits.ts).
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search, body },
      context: async () => (requestContext = await context(headers, ip)),
    });
    if (response.body.kind === 'complete' && Buffer.byteLength(response.body.string) > config.maxResponseBytes) {
      return fail(res, ApiErrorCode.RESPONSE_TOO_LARGE, `the response would be larger than ${config.maxResponseBytes} bytes: ask for fewer items or fields`);
    }

    const out = headersOf(response, { ...cors, ...cacheHeaders });
    if (found && anonymous && (response.status ?? 200) === 200 && response.body.kind === 'complete' && !hasErrors(response.body.string)) {
      const tags = [...(requestContext?.tags ?? [])];
      const entry = { ...representation(response.body.string, out['content-type'] ?? 'application/json', 'fast'), tags, tagHeaders: tagHeaders(tags) };
      if (cacheKey) store(req, cacheKey, ticket, entry);
      return sendRepresentation(req, res, entry, { ...out, ...entry.tagHeaders, 'x-cache': 'miss' });
    }
    await sendApolloResponse(res, response, out);
  };
  const routes: Route[] = [
    { method: 'GET', path: '/graphql', handler: (req, res, _params, url) => handle(req, res, url) },
    { method: 'POST', path: '/graphql', handler: (req, res, _params, url) => handle(req, res, url) },
    {
      method: 'OPTIONS',
      path: '/graphql',
      handler: (_req, res) => {
        res.writeHead(204, preflight);
        res.end();
      },
    },
  ];
  return { routes, answerFromCache };
}

function hasErrors(json: string): boolean {
  try {
    return (JSON.parse(json) as { errors?: unknown[] }).errors !== undefined;
  } catch {
    return true;
  }
}
