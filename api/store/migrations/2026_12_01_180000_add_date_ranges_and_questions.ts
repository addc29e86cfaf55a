import type { Kysely } from 'kysely';

// Frozen: a later change to the schema is a new migration, never an edit here.
// A fact may cover a span ("in its first three years": 2015 to 2018): `date` is where it starts and
// `date_end` where it ends, both ISO 8601, possibly partial. An entity may carry the question its box
// asks, set by an editor where the rule's phrasing will not do. An explainer may carry the date its
// original article was published, which is not when Backstory published it. Each column is added to
// the working table and to its released copy, which publishing fills from it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['entity_facts', 'released_entity_facts']) {
    await db.schema.alterTable(table).addColumn('date_end', 'text').execute();
  }
  for (const table of ['entities', 'released_entities']) {
    await db.schema.alterTable(table).addColumn('question', 'text').execute();
  }
  for (const table of ['explainers', 'released_explainers']) {
    await db.schema.alterTable(table).addColumn('original_published_at', 'text').execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['explainers', 'released_explainers']) await db.schema.alterTable(table).dropColumn('original_published_at').execute();
  for (const table of ['entities', 'released_entities']) await db.schema.alterTable(table).dropColumn('question').execute();
  for (const table of ['entity_facts', 'released_entity_facts']) await db.schema.alterTable(table).dropColumn('date_end').execute();
}
