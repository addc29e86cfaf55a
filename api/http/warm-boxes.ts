/**
 * Publishing warms the response cache: right after a publish, the widget's persisted GET for each
 * published explainer (with no locale, and with each locale it has an edition in) is asked of this
 * very server, the way a browser asks it, so the first reader gets a hit. Only the process that took
 * the publish warms; other replicas drop their copies and fill them on the next read.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../store/database';
import type { PersistedOperations } from './persisted-operations';

/** What browsers send with fetch(): the Accept the widget's requests carry, which the cache key includes. */
const BROWSER_ACCEPT = '*/*';

export function boxWarmer(options: { server: Server; db: Kysely<Database>; persisted: PersistedOperations; logger: Logger }) {
  const hash = [...options.persisted].find(([, document]) => /^query ContextBox\b/.test(document))?.[0];
  return async (tags: readonly string[]): Promise<void> => {
    const address = options.server.address() as AddressInfo | null;
    const slugs = tags.filter((t) => t.startsWith('explainer-slug:')).map((t) => t.slice('explainer-slug:'.length));
    if (!hash || !address || typeof address !== 'object' || slugs.length === 0) return;
    const host = address.family === 'IPv6' ? `[${address.address === '::' ? '::1' : address.address}]` : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    const released = await options.db.selectFrom('released_explainers').select(['slug', 'locale']).where('slug', 'in', slugs).execute();
    const wanted = [
      ...new Set([...released.map((x) => JSON.stringify({ explainer: x.slug })), ...released.map((x) => JSON.stringify({ explainer: x.slug, locale: x.locale }))]),
    ];
    await Promise.all(
      wanted.map(async (variables) => {
        const params = new URLSearchParams({ operationName: 'ContextBox', variables, extensions });
        try {
          const response = await fetch(`http://${host}:${address.port}/graphql?${params}`, { headers: { accept: BROWSER_ACCEPT }, signal: AbortSignal.timeout(5_000) });
          await response.arrayBuffer();
        } catch (error) {
          options.logger.warn({ err: error, variables }, 'could not warm a published box');
        }
      }),
    );
  };
}
