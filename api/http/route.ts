import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from '../store/database';

/** What every non-GraphQL route module gets: the app's config, store and logger. */
export interface HttpContext {
  config: Config;
  db: Kysely<Database>;
  logger: Logger;
  /**
   * Runs a GraphQL operation in-process, as the public (anonymous) API would answer it; `tags` names
   * what it read of what readers see, for the page's Surrogate-Key and Cache-Tag.
   */
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>; tags: readonly string[] }>;
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string | undefined>,
  url: URL,
) => void | Promise<void>;

export interface Route {
  method: 'GET' | 'HEAD' | 'POST' | 'OPTIONS';
  path: string;
  handler: RouteHandler;
}

/** Writes a complete response; headers given here win over the defaults. */
export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string | number> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { 'content-length': bytes.length, ...headers });
  res.end(res.req?.method === 'HEAD' ? undefined : bytes);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string | number> = {}): void {
  send(res, status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8', ...headers });
}
