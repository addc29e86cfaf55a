import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: a later change to the schema is a new migration, never an edit here.
//
// The widget's answer for each released explainer, rendered when a release changes it, so that a
// reader's request that misses every cache is one indexed read. A box is keyed by what the widget
// asks for: a slug, and a locale ('' when it names none). `renderer` names what else the answer
// depends on (the operation, the settings); a box another renderer made is not served. Its tags, which
// name what it read, tell a publish which boxes to render again.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('released_boxes')
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('renderer', 'text', (c) => c.notNull())
    .addColumn('explainer_id', 'text', (c) => c.notNull())
    .addColumn('release_number', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('gzip', bytes)
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('rendered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('released_boxes_pkey', ['slug', 'locale'])
    .execute();
  await db.schema
    .createTable('released_box_tags')
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('released_box_tags_pkey', ['tag', 'slug', 'locale'])
    .execute();
  await db.schema.createIndex('released_box_tags_slug_locale_idx').on('released_box_tags').columns(['slug', 'locale']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('released_box_tags').execute();
  await db.schema.dropTable('released_boxes').execute();
}
