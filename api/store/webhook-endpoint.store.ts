/**
 * Where release events are sent: each endpoint has a URL, the event types it takes (all when none are
 * named) and a signing secret. The secret is kept as it is, since signing needs the key itself; the
 * API shows it once, when it is made or rotated.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, WebhookEndpointRow } from './database';
import { StoreInputError } from './errors';
import { newId, now } from './ids';
import { RELEASE_EVENT_TYPES, type ReleaseEventType } from './release-events.store';

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  /** The event types it takes; every type when null. */
  events: ReleaseEventType[] | null;
  createdAt: string;
  updatedAt: string;
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null;
  /** A delivery ran out of retries since the last success. */
  failing: boolean;
  /** Until when the secret before the last rotation still signs. */
  previousSecretExpiresAt: string | null;
}

/** What delivery needs besides the endpoint: every secret that signs now. */
export interface SigningEndpoint {
  id: string;
  url: string;
  secrets: string[];
}

export interface WebhookEndpointInput {
  url: string;
  description?: string | null;
  events?: string[] | null;
}

const toEndpoint = (r: WebhookEndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events === null ? null : (r.events.split(' ') as ReleaseEventType[]),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  disabledAt: r.disabled_at,
  disabledReason: r.disabled_reason,
  failingSince: r.failing_since,
  failing: Number(r.failing) === 1,
  previousSecretExpiresAt: r.previous_secret_expires_at && r.previous_secret_expires_at > now() ? r.previous_secret_expires_at : null,
});

/** Every secret that signs at `at`: the current one, and the previous one during its grace period. */
export function signingSecrets(row: Pick<WebhookEndpointRow, 'secret' | 'previous_secret' | 'previous_secret_expires_at'>, at: string): string[] {
  const previous = row.previous_secret && row.previous_secret_expires_at && row.previous_secret_expires_at > at ? [row.previous_secret] : [];
  return [row.secret, ...previous];
}

/** whsec_ and 32 random bytes in base64: the form Standard Webhooks libraries take. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

const MAX_DESCRIPTION = 500;
/** Every endpoint is sent every event it takes: a newsroom has a handful, and a bound keeps a publish's fan-out small. */
export const MAX_WEBHOOK_ENDPOINTS = 100;

/** An empty or missing list subscribes to every type; an unknown type is the client's error. */
function checkEvents(events: string[] | null | undefined): string | null {
  if (!events || events.length === 0) return null;
  events.forEach((type, i) => {
    if (!(RELEASE_EVENT_TYPES as readonly string[]).includes(type)) {
      throw new StoreInputError(['input', 'events', i], `unknown event type "${type}"; one of ${RELEASE_EVENT_TYPES.join(', ')}`);
    }
  });
  return [...new Set(events)].sort().join(' ');
}

function checkDescription(description: string | null | undefined): string {
  const text = (description ?? '').trim();
  if (text.length > MAX_DESCRIPTION) throw new StoreInputError(['input', 'description'], `at most ${MAX_DESCRIPTION} characters`);
  return text;
}

/** `checkUrl` returns the URL as it will be called (canonical), or throws a StoreInputError for it. */
export async function createWebhookEndpoint(
  db: Kysely<Database>,
  input: WebhookEndpointInput,
  checkUrl: (url: string) => string,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const { count } = await db.selectFrom('webhook_endpoints').select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow();
  if (Number(count) >= MAX_WEBHOOK_ENDPOINTS) throw new StoreInputError(['input'], `at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; delete one first`, 'conflict');
  const at = now();
  const row: WebhookEndpointRow = {
    id: newId(),
    url: checkUrl(input.url),
    description: checkDescription(input.description),
    events: checkEvents(input.events),
    secret: newSecret(),
    previous_secret: null,
    previous_secret_expires_at: null,
    created_at: at,
    updated_at: at,
    disabled_at: null,
    disabled_reason: null,
    failing_since: null,
    failing: 0,
  };
  await db.insertInto('webhook_endpoints').values(row).execute();
  return { endpoint: toEndpoint(row), secret: row.secret };
}

export async function findWebhookEndpoint(db: Kysely<Database>, id: string): Promise<WebhookEndpoint | undefined> {
  const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toEndpoint(row);
}

/** Every endpoint, oldest first: a newsroom has a handful. */
export async function listWebhookEndpoints(db: Kysely<Database>): Promise<WebhookEndpoint[]> {
  const rows = await db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toEndpoint);
}

async function existing(db: Kysely<Database>, id: string): Promise<WebhookEndpointRow> {
  const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new StoreInputError(['id'], 'no webhook endpoint with this id', 'not_found');
  return row;
}

/** Changes what is given; `events: []` subscribes to every type again. */
export async function updateWebhookEndpoint(
  db: Kysely<Database>,
  id: string,
  input: { url?: string | null; description?: string | null; events?: string[] | null },
  checkUrl: (url: string) => string,
): Promise<WebhookEndpoint> {
  await existing(db, id);
  await db
    .updateTable('webhook_endpoints')
    .set({
      ...(input.url != null ? { url: checkUrl(input.url) } : {}),
      ...(input.description !== undefined ? { description: checkDescription(input.description) } : {}),
      ...(input.events !== undefined ? { events: checkEvents(input.events) } : {}),
      updated_at: now(),
    })
    .where('id', '=', id)
    .execute();
  return toEndpoint(await existing(db, id));
}

/** A disabled endpoint is sent nothing and gets no new deliveries; enabling it sends what is still pending. */
export async function setWebhookEndpointEnabled(db: Kysely<Database>, id: string, enabled: boolean, reason = 'disabled by an admin'): Promise<WebhookEndpoint> {
  await existing(db, id);
  const at = now();
  await db
    .updateTable('webhook_endpoints')
    .set(enabled ? { disabled_at: null, disabled_reason: null, failing_since: null, failing: 0, updated_at: at } : { disabled_at: at, disabled_reason: reason, updated_at: at })
    .where('id', '=', id)
    .execute();
  return toEndpoint(await existing(db, id));
}

/** A new secret signs from now on; the one it replaces also signs for graceMs, so receivers can switch. */
export async function rotateWebhookEndpointSecret(db: Kysely<Database>, id: string, graceMs: number): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const row = await existing(db, id);
  const secret = newSecret();
  await db
    .updateTable('webhook_endpoints')
    .set({
      secret,
      previous_secret: row.secret,
      previous_secret_expires_at: new Date(Date.now() + graceMs).toISOString(),
      updated_at: now(),
    })
    .where('id', '=', id)
    .execute();
  return { endpoint: toEndpoint(await existing(db, id)), secret };
}

/** Deletes the endpoint and its deliveries. */
export async function deleteWebhookEndpoint(db: Kysely<Database>, id: string): Promise<WebhookEndpoint> {
  const row = await existing(db, id);
  await db.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
  return toEndpoint(row);
}
