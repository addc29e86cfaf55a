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
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // Kysely learns whether its bookkeeping table exists by reading the tables of every schema; another
    // store's schema dropped during that read fails it (invalid_schema_name), though ours is untouched.
    if (attempt < 5 && (error as { code?: string }).code === '3F000' && !String((error as Error).message).includes(`"${schema}"`)) continue;
    throw error instanceof Error ? error : new Error(String(error));
  }
}
