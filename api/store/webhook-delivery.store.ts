/**
 * The webhook outbox. A release event is fanned out, in the transaction that wrote it, into one
 * delivery per enabled endpoint subscribed to its type: a delivery exists if and only if its release
 * committed, and each one carries its own attempts, schedule and outcome. A worker claims due
 * deliveries (on PostgreSQL with SKIP LOCKED, so replicas take different ones), each with a lease: a
 * process killed while sending leaves its delivery due again once the lease ends, and the next
 * attempt sends the same message with the same id (at least once).
 */
import { type Kysely, sql } from 'kysely';
import type { Database, WebhookDeliveryRow, WebhookDeliveryStatus } from './database';
import { claimable } from './dialect';
import { StoreInputError } from './errors';
import { now } from './ids';
import { type Page, type PageArgs, decodeCursor, encodeCursor } from './page';
import { type ReleaseEvent, type ReleaseEventType, toReleaseEvent } from './release-events.store';
import { type SigningEndpoint, signingSecrets } from './webhook-endpoint.store';

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: number;
  eventType: ReleaseEventType;
  /** The webhook-id header: the same at every attempt. */
  messageId: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** When it is due next; null once it succeeded or failed for good. */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** One message per event: receivers tell a retry from a new event by it. */
export const messageId = (eventId: number | string) => `msg_${eventId}`;

const toDelivery = (r: WebhookDeliveryRow): WebhookDelivery => ({
  id: String(r.id),
  endpointId: r.endpoint_id,
  eventId: Number(r.event_id),
  eventType: r.event_type as ReleaseEventType,
  messageId: messageId(r.event_id),
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' || r.status === 'delivering' ? r.next_attempt_at : null,
  lastAttemptAt: r.last_attempt_at,
  responseStatus: r.response_status,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

/** Call inside the transaction that wrote the event: one delivery per enabled endpoint that takes its type. */
export async function enqueueWebhookDeliveries(db: Kysely<Database>, eventId: number, type: ReleaseEventType): Promise<void> {
  const at = now();
  await db
    .insertInto('webhook_deliveries')
    .columns(['endpoint_id', 'event_id', 'event_type', 'status', 'attempts', 'next_attempt_at', 'retry_from', 'created_at'])
    .expression(
      db
        .selectFrom('webhook_endpoints')
        .select([
          'id',
          sql.val(eventId).as('event_id'),
          sql.val(type).as('event_type'),
          sql.val('pending').as('status'),
          sql.lit(0).as('attempts'),
          sql.val(at).as('next_attempt_at'),
          sql.val(at).as('retry_from'),
          sql.val(at).as('created_at'),
        ])
        .where('disabled_at', 'is', null)
        .where((eb) => eb.or([eb('events', 'is', null), eb(sql<string>`' ' || events || ' '`, 'like', `% ${type} %`)])),
    )
    .execute();
}

/** A claimed delivery: what one attempt sends, and to whom. */
export interface ClaimedDelivery {
  id: string;
  /** This attempt's number, from 1: the outcome is recorded only if no later claim took the delivery over. */
  attempt: number;
  retryFrom: string;
  messageId: string;
  endpoint: SigningEndpoint;
  event: ReleaseEvent;
}

/**
 * Takes up to `limit` due deliveries of enabled endpoints (pending ones, and ones whose lease ran out
 * in a process that died), marks them delivering until leaseMs from now, and returns them. One
 * statement: on PostgreSQL replicas skip the rows another is claiming; SQLite has one writer.
 */
export async function claimDueDeliveries(db: Kysely<Database>, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
  const at = now();
  const due = claimable(
    db,
    db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', 'in', ['pending', 'delivering'])
      .where('next_attempt_at', '<=', at)
      .where('endpoint_id', 'in', db.selectFrom('webhook_endpoints').select('id').where('disabled_at', 'is', null))
      .orderBy('next_attempt_at')
      .limit(limit),
  );
  const claimed = await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: 'delivering',
      attempts: eb('attempts', '+', 1),
      next_attempt_at: new Date(Date.parse(at) + leaseMs).toISOString(),
      last_attempt_at: at,
    }))
    .where('id', 'in', due)
    .returning(['id', 'attempts', 'retry_from', 'event_id', 'endpoint_id'])
    .execute();
  if (claimed.length === 0) return [];
  const endpoints = await db
    .selectFrom('webhook_endpoints')
    .select(['id', 'url', 'secret', 'previous_secret', 'previous_secret_expires_at'])
    .where('id', 'in', [...new Set(claimed.map((c) => c.endpoint_id))])
    .execute();
  const events = await db
    .selectFrom('release_events')
    .selectAll()
    .where('id', 'in', [...new Set(claimed.map((c) => Number(c.event_id)))])
    .execute();
  const out: ClaimedDelivery[] = [];
  for (const c of claimed) {
    const endpoint = endpoints.find((e) => e.id === c.endpoint_id);
    const event = events.find((e) => Number(e.id) === Number(c.event_id));
    // Deleted in the meantime: nothing left to send it to, or nothing left to send.
    if (!endpoint || !event) continue;
    out.push({
      id: String(c.id),
      attempt: c.attempts,
      retryFrom: c.retry_from,
      messageId: messageId(c.event_id),
      endpoint: { id: endpoint.id, url: endpoint.url, secrets: signingSecrets(endpoint, at) },
      event: toReleaseEvent(event),
    });
  }
  return out;
}

/** What one attempt came to. */
export type AttemptOutcome =
  | { kind: 'delivered'; status: number }
  /** 410 Gone: the receiver asks never to be called again. */
  | { kind: 'gone'; status: number }
  | { kind: 'failed'; status: number | null; error: string };

export interface RetryPolicy {
  scheduleMs: number[];
  retryForMs: number;
  disableAfterMs: number;
  /** 0..1, for jitter; Math.random by default. */
  random?: () => number;
}

/** The wait after the nth failed attempt (from 1), jittered by up to ±20% so that receivers coming back are not stampeded. */
export function retryDelay(policy: RetryPolicy, failedAttempts: number): number {
  const base = policy.scheduleMs[Math.min(failedAttempts, policy.scheduleMs.length) - 1];
  return Math.round(base * (0.8 + 0.4 * (policy.random ?? Math.random)()));
}

/**
 * Records an attempt's outcome, unless the delivery's lease ran out and another attempt took it over
 * meanwhile. A success clears the endpoint's failing state; a failure is retried on the policy's
 * schedule until retryForMs has passed, then the delivery fails and the endpoint is marked failing;
 * an endpoint failing for disableAfterMs, or answering 410, is disabled.
 */
export async function recordAttempt(db: Kysely<Database>, claimed: ClaimedDelivery, outcome: AttemptOutcome, policy: RetryPolicy): Promise<WebhookDeliveryStatus | undefined> {
  const at = now();
  const mine = db.updateTable('webhook_deliveries').where('id', '=', claimed.id).where('status', '=', 'delivering').where('attempts', '=', claimed.attempt);
  if (outcome.kind === 'delivered') {
    const done = await mine.set({ status: 'succeeded', response_status: outcome.status, last_error: null, delivered_at: at }).executeTakeFirst();
    await db.updateTable('webhook_endpoints').set({ failing_since: null, failing: 0 }).where('id', '=', claimed.endpoint.id).execute();
    return Number(done.numUpdatedRows) > 0 ? 'succeeded' : undefined;
  }
  if (outcome.kind === 'gone') {
    const done = await mine.set({ status: 'failed', response_status: outcome.status, last_error: 'the endpoint answered 410 Gone' }).executeTakeFirst();
    await db
      .updateTable('webhook_endpoints')
      .set({ disabled_at: at, disabled_reason: 'the endpoint answered 410 Gone', updated_at: at })
      .where('id', '=', claimed.endpoint.id)
      .where('disabled_at', 'is', null)
      .execute();
    return Number(done.numUpdatedRows) > 0 ? 'failed' : undefined;
  }
  const next = Date.now() + retryDelay(policy, claimed.attempt);
  const givingUp = next > Date.parse(claimed.retryFrom) + policy.retryForMs;
  const done = await mine
    .set({
      status: givingUp ? 'failed' : 'pending',
      next_attempt_at: new Date(next).toISOString(),
      response_status: outcome.status,
      last_error: outcome.error.slice(0, 500),
    })
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) return undefined;
  await db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      failing_since: eb.fn.coalesce('failing_since', sql.val(at)),
      ...(givingUp ? { failing: 1 } : {}),
    }))
    .where('id', '=', claimed.endpoint.id)
    .execute();
  const disableBefore = new Date(Date.now() - policy.disableAfterMs).toISOString();
  await db
    .updateTable('webhook_endpoints')
    .set({ disabled_at: at, disabled_reason: 'every attempt failed for too long', updated_at: at })
    .where('id', '=', claimed.endpoint.id)
    .where('disabled_at', 'is', null)
    .where('failing_since', '<=', disableBefore)
    .execute();
  return givingUp ? 'failed' : 'pending';
}

/** When the next delivery (of an enabled endpoint) is due, or undefined when none is. */
export async function nextDueAt(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('status', 'in', ['pending', 'delivering'])
    .where('endpoint_id', 'in', db.selectFrom('webhook_endpoints').select('id').where('disabled_at', 'is', null))
    .executeTakeFirst();
  return row?.at ?? undefined;
}

/** An endpoint's deliveries, newest first. */
export async function listWebhookDeliveries(db: Kysely<Database>, endpointId: string, { first, after }: PageArgs): Promise<Page<WebhookDelivery>> {
  const cursor = decodeCursor(after);
  if (cursor && (cursor.length !== 1 || typeof cursor[0] !== 'number')) throw new StoreInputError(['after'], 'not a cursor this API issued');
  let query = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId);
  if (cursor) query = query.where('id', '<', cursor[0] as number);
  const rows = await query.orderBy('id', 'desc').limit(first + 1).execute();
  return {
    items: rows.slice(0, first).map((r) => ({ node: toDelivery(r), cursor: encodeCursor([Number(r.id)]) })),
    hasNextPage: rows.length > first,
  };
}

export async function findWebhookDelivery(db: Kysely<Database>, id: string): Promise<WebhookDelivery | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', Number(id)).executeTakeFirst();
  return row && toDelivery(row);
}

/** Sends a delivery again, now, with the same message id and a fresh retry window. */
export async function redeliver(db: Kysely<Database>, id: string): Promise<WebhookDelivery> {
  const delivery = await findWebhookDelivery(db, id);
  if (!delivery) throw new StoreInputError(['delivery'], 'no webhook delivery with this id', 'not_found');
  if (delivery.status === 'delivering') throw new StoreInputError(['delivery'], 'this delivery is being sent now', 'conflict');
  const endpoint = await db.selectFrom('webhook_endpoints').select('disabled_at').where('id', '=', delivery.endpointId).executeTakeFirstOrThrow();
  if (endpoint.disabled_at) throw new StoreInputError(['delivery'], 'its endpoint is disabled: enable it first', 'conflict');
  const at = now();
  await db.updateTable('webhook_deliveries').set({ status: 'pending', next_attempt_at: at, retry_from: at }).where('id', '=', Number(id)).execute();
  return (await findWebhookDelivery(db, id))!;
}
