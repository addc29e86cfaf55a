/**
 * Publishes set for later. Each fires once: the process that claims a due row publishes it and deletes
 * the row in the same transaction, and replicas polling at the same moment skip a row another holds
 * (see claimable in dialect.ts). A moment missed while every process was down fires at the next start.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database';
import { claimable } from './dialect';
import { StoreInputError } from './errors';
import { now } from './ids';
import { type Changed, publishExplainer } from './publishing.store';
import { recordReleaseEvent } from './release-events.store';
import type { Actor } from './revision.store';

export interface ScheduledPublish {
  explainerId: string;
  at: string;
  version: number;
  keyId: string | null;
}

/** Sets (or moves) the explainer's scheduled publish; expectedVersion guards against scheduling what one has not read. */
export async function schedulePublish(db: Kysely<Database>, explainerId: string, expectedVersion: number, at: string, actor: Actor): Promise<ScheduledPublish> {
  const current = await db.selectFrom('explainers').select(['version', 'slug', 'locale']).where('id', '=', explainerId).executeTakeFirst();
  if (!current) throw new StoreInputError(['id'], 'no such explainer', 'not_found');
  if (Number(current.version) !== expectedVersion) {
    throw new StoreInputError(
      ['expectedVersion'],
      `the explainer is at version ${current.version}, not ${expectedVersion}: reload it and schedule again`,
      'conflict',
      { currentVersion: Number(current.version) },
    );
  }
  const row = { explainer_id: explainerId, at, version: expectedVersion, key_id: actor.keyId, created_at: now() };
  await db
    .insertInto('scheduled_publishes')
    .values(row)
    .onConflict((oc) => oc.column('explainer_id').doUpdateSet({ at, version: expectedVersion, key_id: actor.keyId, created_at: row.created_at }))
    .execute();
  // Nothing public changes yet; a CMS may still want to know when it will.
  await recordReleaseEvent(db, { type: 'explainer.scheduled', subjectId: explainerId, slug: current.slug, locale: current.locale, release: null, tags: [], detail: { at } });
  return { explainerId, at, version: expectedVersion, keyId: actor.keyId };
}

export async function cancelScheduledPublish(db: Kysely<Database>, explainerId: string): Promise<boolean> {
  const removed = await db.deleteFrom('scheduled_publishes').where('explainer_id', '=', explainerId).executeTakeFirst();
  return Number(removed.numDeletedRows) > 0;
}

export async function findScheduledPublish(db: Kysely<Database>, explainerId: string): Promise<ScheduledPublish | undefined> {
  const row = await db.selectFrom('scheduled_publishes').selectAll().where('explainer_id', '=', explainerId).executeTakeFirst();
  return row && { explainerId: row.explainer_id, at: row.at, version: Number(row.version), keyId: row.key_id };
}

/**
 * Claims one due publish and fires it, inside the caller's transaction. Returns what it published, or
 * undefined when nothing is due (or every due row is another process's).
 */
export async function fireDuePublish(db: Kysely<Database>, changed: Changed): Promise<ScheduledPublish | undefined> {
  const due = await claimable(db, db.selectFrom('scheduled_publishes').selectAll().where('at', '<=', now()).orderBy('at').limit(1)).executeTakeFirst();
  if (!due) return undefined;
  await db.deleteFrom('scheduled_publishes').where('explainer_id', '=', due.explainer_id).execute();
  await publishExplainer(db, { explainerId: due.explainer_id, actor: { keyId: due.key_id }, action: 'scheduled publish' }, changed);
  return { explainerId: due.explainer_id, at: due.at, version: Number(due.version), keyId: due.key_id };
}
