import { type HTTPGraphQLResponse, HeaderMap } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiErrorCode } from '../errors';
import { BodyTooLargeError, readBody } from './body';

/** Room for a 1 MB article (the import and annotate limit) in its JSON envelope. */
const bodyLimit = 2 * 1024 * 1024;

/** Apollo's view of node's headers. */
export function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

export type GraphqlBody = { body: unknown } | { refused: { code: ApiErrorCode; message: string } };

/** A POST's body, parsed as Apollo expects it: JSON for the JSON types, text otherwise (Apollo refuses it then). */
export async function readGraphqlBody(req: IncomingMessage, contentType: string): Promise<GraphqlBody> {
  let text: string;
  try {
    text = await readBody(req, bodyLimit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { refused: { code: ApiErrorCode.PAYLOAD_TOO_LARGE, message: error.message } };
    throw error;
  }
  if (!contentType.startsWith('application/json') && !contentType.startsWith('application/graphql-response+json')) return { body: text };
  try {
    return { body: text === '' ? undefined : JSON.parse(text) };
  } catch {
    return { refused: { code: ApiErrorCode.BAD_REQUEST, message: 'the body is not valid JSON' } };
  }
}

/** Apollo's headers, with ours on top. */
export function headersOf(response: HTTPGraphQLResponse, extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of response.headers) out[name] = value;
  return { ...out, ...extra };
}

/** Writes an Apollo response that is not kept: whole, or chunk by chunk. */
export async function sendApolloResponse(res: ServerResponse, response: HTTPGraphQLResponse, headers: Record<string, string>): Promise<void> {
  const status = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const bytes = Buffer.from(response.body.string);
    res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
    res.end(bytes);
    return;
  }
  res.writeHead(status, headers);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
