/**
 * Content changes announced across every Backstory process on one PostgreSQL, so that what each
 * derives from content in memory (cached public responses, annotators) is dropped everywhere, not
 * only in the replica that took the write.
 *
 * A write announces itself inside its own transaction with pg_notify: PostgreSQL delivers the
 * notification when, and only if, the transaction commits. Each process listens on one connection
 * of its own; the payload starts with the schema written to, so processes working in other schemas of
 * the same database ignore it, then the process that wrote, which has already dropped what it changed
 * when it hears of it, and names the tags of what readers see that changed. SQLite is one process's
 * store: there is nobody else to tell.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Client } from 'pg';
import type { Logger } from 'pino';
import type { Database } from './database';
import { notifyOnCommit } from './dialect';

export const CHANGES_CHANNEL = 'backstory_changes';

/** PostgreSQL refuses payloads over 8000 bytes; a change naming more tags than fit drops everything. */
const PAYLOAD_LIMIT = 7900;

/**
 * Call inside the writing transaction. The payload is the schema, the writing process's origin (from
 * newOrigin), then the tags of what readers see that the write changed: `schema|origin|tag tag ...`,
 * or `schema|origin|*` for everything.
 */
export async function announceChange(db: Kysely<Database>, schema: string | undefined, origin: string, tags: readonly string[]): Promise<void> {
  let payload = `${schema ?? ''}|${origin}|${tags.join(' ')}`;
  if (Buffer.byteLength(payload) > PAYLOAD_LIMIT) payload = `${schema ?? ''}|${origin}|*`;
  await notifyOnCommit(db, CHANGES_CHANNEL, payload);
}

/** A name for one process's writes in its announcements: it ignores its own. */
export const newOrigin = (): string => randomBytes(6).toString('base64url');

/** Tags a change names; undefined for everything. */
export type ChangedTags = readonly string[] | undefined;

export interface ChangeFeedOptions {
  /** A new connection to listen on (the store's listenConnection capability). */
  connect(applicationName: string): Client;
  databaseSchema?: string;
  /** This process's origin, as its writes announce it: their changes it has dropped already. */
  origin: string;
  logger: Logger;
  /** Called for every change another process committed, with its tags (undefined: everything). */
  onChange(tags: ChangedTags): void;
  /** Wait before reconnecting after the listening connection is lost. */
  retryMs?: number;
}

export interface ChangeFeed {
  close(): Promise<void>;
}

/**
 * Listens until closed. A lost connection may have missed notifications, so losing it counts as a
 * change, and so does getting it back; it is reopened after retryMs.
 */
export async function listenForChanges({ connect, databaseSchema, origin, logger, onChange, retryMs = 1000 }: ChangeFeedOptions): Promise<ChangeFeed> {
  const payload = databaseSchema ?? '';
  let client: Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const open = async (): Promise<void> => {
    // Named, so that an operator sees in pg_stat_activity which connections are change feeds.
    const next = connect(`backstory-changes:${payload || 'public'}`);
    next.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return;
      const [schema, from, named] = message.payload.split('|');
      if (schema !== payload || named === undefined || from === origin) return;
      onChange(named === '*' ? undefined : named.split(' ').filter(Boolean));
    });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`listen ${CHANGES_CHANNEL}`);
    client = next;
  };

  const lost = (which: Client, error?: Error): void => {
    if (closed || which !== client) return;
    client = undefined;
    logger.warn({ err: error }, 'lost the change feed connection; reconnecting');
    onChange(undefined);
    void which.end().catch(() => undefined);
    const reconnect = (): void => {
      retry = undefined;
      if (closed) return;
      open().then(() => onChange(undefined), (failure: unknown) => {
        logger.warn({ err: failure }, 'could not reopen the change feed; retrying');
        retry = setTimeout(reconnect, retryMs);
        retry.unref();
      });
    };
    retry = setTimeout(reconnect, retryMs);
    retry.unref();
  };

  await open();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
