import { type Kysely, Migrator } from 'kysely';
import type { Database } from './database';
import { capabilitiesOf } from './dialect';
import { migrationProvider } from './migrations';

/**
 * Applies every pending migration; Kysely's lock makes concurrent starts safe. Where the database
 * has schemas, the bookkeeping tables live in the store's own: Kysely would otherwise take another
 * schema's for ours when several stores share a database.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const schema = capabilitiesOf(db).migrationTableSchema;
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
