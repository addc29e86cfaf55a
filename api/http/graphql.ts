import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Config } from '../config';
import type { Context } from '../graphql/context';
import { BodyTooLargeError, readBody } from './body';
import { type Route, sendJson } from './route';

const bodyLimit = 1024 * 1024;
/** No document the API needs comes near this; larger ones are refused before parsing. */
const documentLimit = 32 * 1024;

/**
 * Apollo Server on plain node:http: the request becomes an HTTPGraphQLRequest and Apollo's
 * response is written back as it is. CORS is open: the public API carries no cookies.
 */
export function graphqlRoutes(apollo: ApolloServer<Context>, context: (headers: HeaderMap, ip: string) => Promise<Context>, config: Config): Route[] {
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-max-age': '86400',
  };
  const handle: Route['handler'] = async (req, res, _params, url) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      let text: string;
      try {
        text = await readBody(req, bodyLimit);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }, cors);
          return;
        }
        throw error;
      }
      const type = headers.get('content-type') ?? '';
      if (type.startsWith('application/json') || type.startsWith('application/graphql-response+json')) {
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          sendJson(res, 400, { errors: [{ message: 'the body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }, cors);
          return;
        }
      } else body = text;
    }
    const document = req.method === 'GET' ? url.searchParams.get('query') : (body as { query?: unknown } | undefined)?.query;
    if (typeof document === 'string' && document.length > documentLimit) {
      const message = `the GraphQL document is over ${documentLimit} characters`;
      sendJson(res, 413, { errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }, cors);
      return;
    }
    const ip = req.socket.remoteAddress ?? '';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), config.requestTimeoutMs);
    });
    const response = await Promise.race([
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search: url.search, body },
        context: () => context(headers, ip),
      }),
      timeout,
    ]).finally(() => clearTimeout(timer));
    if (response === 'timeout') {
      const message = `the request took longer than ${config.requestTimeoutMs} ms`;
      sendJson(res, 503, { errors: [{ message, extensions: { code: 'TIMEOUT' } }] }, { ...cors, 'retry-after': '5' });
      return;
    }
    const out: Record<string, string> = { ...cors };
    for (const [name, value] of response.headers) out[name] = value;
    if (response.body.kind === 'complete') {
      const bytes = Buffer.from(response.body.string);
      out['content-length'] = String(bytes.length);
      res.writeHead(response.status ?? 200, out);
      res.end(bytes);
      return;
    }
    res.writeHead(response.status ?? 200, out);
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
