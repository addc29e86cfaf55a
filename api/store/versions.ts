import type { Kysely } from 'kysely';
import type { Database } from './database';
import { StoreInputError } from './errors';
import { now } from './ids';

/** The rows writers name a version of: explainers and entities. */
export type VersionedTable = 'explainers' | 'entities';

const nouns: Record<VersionedTable, string> = { explainers: 'explainer', entities: 'entity' };

/**
 * Takes the next version of a row and touches its updated_at, failing with a conflict (and the
 * current version) when expectedVersion is given and stale, or with not_found for an unknown row or
 * an entity merged into another. Call first inside the change's transaction: concurrent writers of
 * one row then queue on its lock (PostgreSQL), and exactly one of them wins each version.
 */
export async function takeNextVersion(db: Kysely<Database>, table: VersionedTable, id: string, expectedVersion?: number): Promise<number> {
  // Both tables have id, version and updated_at; the builder is typed by one of them.
  const rows = table as 'explainers';
  // A merged entity's id resolves to the entity it went into for reading, never for writing.
  const live = table === 'entities' ? (['merged_into' as never, 'is', null] as const) : undefined;
  let bump = db
    .updateTable(rows)
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now() }))
    .where('id', '=', id);
  if (live) bump = bump.where(...live);
  if (expectedVersion !== undefined) bump = bump.where('version', '=', expectedVersion);
  const bumped = await bump.returning('version').executeTakeFirst();
  if (bumped) return Number(bumped.version);

  let lookup = db.selectFrom(rows).select('version').where('id', '=', id);
  if (live) lookup = lookup.where(...live);
  const current = await lookup.executeTakeFirst();
  if (!current) throw new StoreInputError(['id'], `no such ${nouns[table]}`, 'not_found');
  throw new StoreInputError(
    ['expectedVersion'],
    `the ${nouns[table]} is at version ${current.version}, not ${expectedVersion}: reload it and apply the change again`,
    'conflict',
    { currentVersion: Number(current.version) },
  );
}
