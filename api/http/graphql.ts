import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Context } from '../graphql/context';
import { BodyTooLargeError, readBody } from './body';
import { type Route, sendJson } from './route';

const bodyLimit = 1024 * 1024;

/**
 * Apollo Server on plain node:http: the request becomes an HTTPGraphQLRequest and Apollo's
 * response is written back as it is. CORS is open: the public API carries no cookies.
 */
export function graphqlRoutes(apollo: ApolloServer<Context>, context: (headers: HeaderMap) => Promise<Context>): Route[] {
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
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search: url.search, body },
      context: () => context(headers),
    });
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
