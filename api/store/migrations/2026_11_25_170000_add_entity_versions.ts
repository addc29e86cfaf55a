import type { Kysely } from 'kysely';

// Frozen: a later change to the schema is a new migration, never an edit here.
// Entities get the version explainers have: it increases with every change, and updateEntity names
// the version it expects, so two editors of one entity cannot overwrite each other unawares.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('entities').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('entities').dropColumn('version').execute();
}
