import { type Kysely, Migrator } from 'kysely';
import type { Database } from './database';
import { dialectOf } from './dialect';
import { migrationProvider } from './migrations';

/**
 * Applies every pending migration; Kysely's lock makes concurrent starts safe. On PostgreSQL the
 * bookkeeping tables live in the store's own schema: Kysely would otherwise take another schema's
 * for ours when several stores share a database.
 */
export async function migrateToLatest(db: Kysely<Database>, postgresSchema?: string): Promise<string[]> {
  const schema = dialectOf(db) === 'postgres' ? (postgresSchema ?? 'public') : undefined;
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
