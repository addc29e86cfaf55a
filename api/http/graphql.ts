import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { ServerResponse } from 'node:http';
import { tagHeaders } from '../cdn/purge';
import type { Config } from '../config';
import type { Context } from '../graphql/context';
import { BodyTooLargeError, readBody } from './body';
import type { PersistedOperations } from './persisted-operations';
import { type ResponseCache, etagOf, matches } from './response-cache';
import { type Route, sendJson } from './route';

/** Room for a 1 MB article (the import and annotate limit) in its JSON envelope. */
const bodyLimit = 2 * 1024 * 1024;
/** No document the API needs comes near this; larger ones are refused before parsing. */
const documentLimit = 32 * 1024;

export interface GraphqlRouteOptions {
  apollo: ApolloServer<Context>;
  context: (headers: HeaderMap, ip: string) => Promise<Context>;
  config: Config;
  persisted: PersistedOperations;
  cache: ResponseCache;
}

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-max-age': '86400',
};

const fail = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, { ...cors, ...headers });

/**
 * Apollo Server on plain node:http. Two kinds of request:
 * - a GET naming a persisted operation by hash (what widgets send): small, cacheable, and exempt
 *   from CSRF prevention because it can only run a listed read-only query without credentials;
 *   answered with Cache-Control, a strong ETag and 304s, from an in-process cache when it can;
 * - anything else, handed to Apollo as it is, with CSRF prevention, and never cached.
 */
export function graphqlRoutes({ apollo, context, config, persisted, cache }: GraphqlRouteOptions): Route[] {
  const handle: Route['handler'] = async (req, res, _params, url) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const anonymous = !headers.has('authorization');
    let search = url.search;
    let cacheKey: string | undefined;
    if (req.method === 'GET' && url.searchParams.has('extensions')) {
      let hash: unknown;
      try {
        hash = JSON.parse(url.searchParams.get('extensions')!)?.persistedQuery?.sha256Hash;
      } catch {
        return fail(res, 400, 'BAD_REQUEST', 'extensions is not valid JSON');
      }
      const document = typeof hash === 'string' ? persisted.get(hash) : undefined;
      if (typeof hash === 'string' && !document) return fail(res, 400, 'PERSISTED_QUERY_NOT_FOUND', 'no persisted operation has this hash');
      if (document) {
        const params = new URLSearchParams(url.searchParams);
        params.delete('extensions');
        params.set('query', document);
        search = `?${params}`;
        headers.set('apollo-require-preflight', 'persisted');
        if (anonymous && cache.enabled) cacheKey = `${hash}|${params.get('operationName') ?? ''}|${params.get('variables') ?? ''}`;
      }
    }
    const cacheable = cacheKey !== undefined;
    const cacheHeaders: Record<string, string> = cacheable ? { 'cache-control': config.cacheControl, vary: 'accept, authorization' } : { 'cache-control': anonymous ? 'no-store' : 'private, no-store' };

    if (cacheKey) {
      const hit = cache.get(cacheKey);
      if (hit) return sendCached(res, req.headers['if-none-match'], hit, { ...cors, ...cacheHeaders, ...tagHeaders(hit.tags), 'x-cache': 'hit' });
    }
    const ticket = cache.ticket();

    let body: unknown;
    if (req.method === 'POST') {
      let text: string;
      try {
        text = await readBody(req, bodyLimit);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return fail(res, 413, 'PAYLOAD_TOO_LARGE', error.message);
        throw error;
      }
      const type = headers.get('content-type') ?? '';
      if (type.startsWith('application/json') || type.startsWith('application/graphql-response+json')) {
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          return fail(res, 400, 'BAD_REQUEST', 'the body is not valid JSON');
        }
      } else body = text;
    }
    const document = req.method === 'GET' ? new URLSearchParams(search).get('query') : (body as { query?: unknown } | undefined)?.query;
    if (typeof document === 'string' && document.length > documentLimit && !cacheable) {
      return fail(res, 413, 'PAYLOAD_TOO_LARGE', `the GraphQL document is over ${documentLimit} characters`);
    }

    const ip = req.socket.remoteAddress ?? '';
    // Kept to read, after execution, which releases the response read: its tags.
    let requestContext: Context | undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), config.requestTimeoutMs);
    });
    const response = await Promise.race([
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search, body },
        context: async () => (requestContext = await context(headers, ip)),
      }),
      timeout,
    ]).finally(() => clearTimeout(timer));
    if (response === 'timeout') {
      return fail(res, 503, 'TIMEOUT', `the request took longer than ${config.requestTimeoutMs} ms`, { 'retry-after': '5' });
    }

    const out: Record<string, string> = { ...cors };
    for (const [name, value] of response.headers) out[name] = value;
    const status = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const bytes = Buffer.from(response.body.string);
      if (cacheKey && status === 200 && !hasErrors(response.body.string)) {
        const tags = [...(requestContext?.tags ?? [])];
        const entry = { body: bytes, etag: etagOf(bytes), contentType: out['content-type'] ?? 'application/json', tags };
        cache.set(cacheKey, ticket, entry);
        return sendCached(res, req.headers['if-none-match'], entry, { ...out, ...cacheHeaders, ...tagHeaders(tags), 'x-cache': 'miss' });
      }
      res.writeHead(status, { ...out, ...cacheHeaders, 'content-length': String(bytes.length) });
      res.end(bytes);
      return;
    }
    res.writeHead(status, { ...out, ...cacheHeaders });
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return [
    { method: 'GET', path: '/graphql', handler: handle },
    { method: 'POST', path: '/graphql', handler: handle },
    {
      method: 'OPTIONS',
      path: '/graphql',
      handler: (_req, res) => {
        res.writeHead(204, cors);
        res.end();
      },
    },
  ];
}

function hasErrors(json: string): boolean {
  try {
    return (JSON.parse(json) as { errors?: unknown[] }).errors !== undefined;
  } catch {
    return true;
  }
}

function sendCached(res: ServerResponse, ifNoneMatch: string | undefined, entry: { body: Buffer; etag: string; contentType: string }, headers: Record<string, string>): void {
  const common = { ...headers, etag: entry.etag };
  if (matches(ifNoneMatch, entry.etag)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  res.writeHead(200, { ...common, 'content-type': entry.contentType, 'content-length': String(entry.body.length) });
  res.end(res.req.method === 'HEAD' ? undefined : entry.body);
}
