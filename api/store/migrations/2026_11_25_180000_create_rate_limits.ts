import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: a later change to the schema is a new migration, never an edit here.
// The counters of rate-limiter-flexible's PostgreSQL store, in the layout it expects, so that every
// replica on one PostgreSQL counts mutations and failed authentications together. SQLite serves a
// single process, which counts in memory: it needs no table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').ifExists().execute();
}
