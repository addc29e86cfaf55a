import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: a later change to the schema is a new migration, never an edit here.
//
// What readers were told, in order: one row per publish, unpublish, correction, schedule or merge,
// written in the transaction that made the release, so an event exists if and only if its release
// committed. Webhooks deliver them and live streams replay them from an id (Last-Event-ID): ids only
// ever increase, in the order their transactions committed.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('release_events')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('release', 'integer')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('release_events_created_at').on('release_events').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('release_events').execute();
}
