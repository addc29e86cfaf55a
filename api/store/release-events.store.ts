/**
 * The record of what readers were told, in order: every publish, unpublish, correction, schedule and
 * merge appends one event in the transaction that made it, so an event exists if and only if its
 * release committed. Webhooks deliver these events, live streams replay them from an id, and a CDN or a
 * CMS learns from their tags which responses changed.
 */
import type { Kysely } from 'kysely';
import type { Database, ReleaseEventRow } from './database';
import { exclusiveForTransaction } from './dialect';
import { now } from './ids';
import { enqueueWebhookDeliveries } from './webhook-delivery.store';

export const RELEASE_EVENT_TYPES = [
  'explainer.published',
  'explainer.unpublished',
  'explainer.corrected',
  'explainer.scheduled',
  'entity.published',
  'entity.unpublished',
  'entity.merged',
] as const;
export type ReleaseEventType = (typeof RELEASE_EVENT_TYPES)[number];

export interface ReleaseEvent {
  /** Increases in commit order, across every process on the store. */
  id: number;
  type: ReleaseEventType;
  /** The explainer's or the entity's id. */
  subjectId: string;
  slug: string;
  /** The explainer's locale; null for an entity. */
  locale: string | null;
  /** The release it made; null when it made none. */
  release: number | null;
  /** Tags of the public responses it changed (store/tags.ts). */
  tags: string[];
  /** A schedule's time ({ at }), a merge's survivor ({ into, intoSlug }). */
  detail: Record<string, unknown> | null;
  createdAt: string;
}

export type NewReleaseEvent = Omit<ReleaseEvent, 'id' | 'createdAt' | 'detail'> & { detail?: Record<string, unknown> };

/** Call inside the transaction that made the release, as its last write: it also queues the event's webhooks. */
export async function recordReleaseEvent(db: Kysely<Database>, event: NewReleaseEvent): Promise<void> {
  // Appends take turns until they commit, so ids commit in order: a reader that has seen id N never
  // later finds a smaller one (PostgreSQL's sequences alone do not promise that).
  await exclusiveForTransaction(db, 'release_events');
  const { id } = await db
    .insertInto('release_events')
    .values({
      type: event.type,
      subject_id: event.subjectId,
      slug: event.slug,
      locale: event.locale,
      release: event.release,
      tags: [...new Set(event.tags)].sort().join(' '),
      detail: event.detail ? JSON.stringify(event.detail) : null,
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueWebhookDeliveries(db, Number(id), event.type);
}

export function toReleaseEvent(row: ReleaseEventRow): ReleaseEvent {
  return {
    id: Number(row.id),
    type: row.type as ReleaseEventType,
    subjectId: row.subject_id,
    slug: row.slug,
    locale: row.locale,
    release: row.release === null ? null : Number(row.release),
    tags: row.tags ? row.tags.split(' ') : [],
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
    createdAt: row.created_at,
  };
}

/** Events after id, oldest first, at most limit of them. */
export async function releaseEventsAfter(db: Kysely<Database>, afterId: number, limit: number): Promise<ReleaseEvent[]> {
  const rows = await db.selectFrom('release_events').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map(toReleaseEvent);
}

/** The newest event's id, 0 when there is none. */
export async function lastReleaseEventId(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('release_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The oldest event's id still kept, 0 when there is none: a reader behind it has missed events. */
export async function firstReleaseEventId(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('release_events').select((eb) => eb.fn.min('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Drops events created before `before` (ISO-8601), but none a webhook delivery still has to send; returns how many. */
export async function pruneReleaseEvents(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db
    .deleteFrom('release_events')
    .where('created_at', '<', before)
    .where('id', 'not in', db.selectFrom('webhook_deliveries').select('event_id').where('status', 'in', ['pending', 'delivering']))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
