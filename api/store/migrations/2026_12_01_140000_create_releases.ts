import type { Kysely } from 'kysely';

// Frozen: a later change to the schema is a new migration, never an edit here.
//
// Readers see releases only. Publishing copies an explainer's (or an entity's) working rows into
// released_* tables of the same shape, which every public read uses, and records the release, numbered
// and immutable, in releases (entity_releases). Editing changes the working tables alone.

type Column = [name: string, type: 'text' | 'integer', notNull: boolean];

const t = (name: string): Column => [name, 'text', true];
const tn = (name: string): Column => [name, 'text', false];
const i = (name: string): Column => [name, 'integer', true];
const inn = (name: string): Column => [name, 'integer', false];

/** The columns of each content table as it stands at this migration; released copies have the same. */
const copies: Record<string, { columns: Column[]; key: string[]; indexes: string[][] }> = {
  entities: {
    columns: [t('id'), t('slug'), t('kind'), t('name'), t('description'), t('summary'), tn('wikidata_id'), t('status'), t('created_at'), t('updated_at'), tn('merged_into'), i('version')],
    key: ['id'],
    indexes: [['slug']],
  },
  entity_aliases: {
    columns: [t('id'), t('entity_id'), t('locale'), t('name'), t('normalized'), i('position')],
    key: ['id'],
    indexes: [['entity_id'], ['normalized']],
  },
  entity_facts: {
    columns: [t('id'), t('entity_id'), i('position'), t('kind'), t('label'), t('value'), tn('date'), tn('hedge')],
    key: ['id'],
    indexes: [['entity_id']],
  },
  entity_relations: {
    columns: [t('id'), t('subject_id'), t('predicate'), t('object_id'), i('position'), tn('hedge'), tn('note')],
    key: ['id'],
    indexes: [['subject_id'], ['object_id']],
  },
  explainers: {
    columns: [
      t('id'), t('slug'), t('locale'), t('translation_group'), t('title'), t('headline'), t('summary'), tn('dateline'), t('status'),
      i('version'), tn('subject_id'), t('created_at'), t('updated_at'), tn('published_at'),
    ],
    key: ['id'],
    indexes: [['slug', 'locale'], ['subject_id'], ['translation_group'], ['created_at', 'id']],
  },
  sections: {
    columns: [t('id'), t('explainer_id'), t('slug'), tn('heading'), i('position'), t('body'), t('text')],
    key: ['id'],
    indexes: [['explainer_id']],
  },
  quotes: {
    columns: [t('id'), t('explainer_id'), tn('section_id'), tn('source_id'), t('kind'), t('text')],
    key: ['id'],
    indexes: [['explainer_id']],
  },
  quote_speakers: {
    columns: [t('quote_id'), t('entity_id'), i('position')],
    key: ['quote_id', 'entity_id'],
    indexes: [],
  },
  mentions: {
    columns: [t('id'), t('section_id'), t('explainer_id'), t('entity_id'), i('block'), i('paragraph'), i('start'), i('end'), t('text')],
    key: ['id'],
    indexes: [['section_id'], ['explainer_id'], ['entity_id', 'explainer_id']],
  },
  citations: {
    columns: [t('id'), t('source_id'), tn('fact_id'), tn('relation_id'), tn('section_id'), inn('block'), inn('paragraph'), inn('start'), inn('end')],
    key: ['id'],
    indexes: [['source_id'], ['fact_id'], ['relation_id'], ['section_id']],
  },
  corrections: {
    columns: [t('id'), t('explainer_id'), t('text'), t('published_at')],
    key: ['id'],
    indexes: [['explainer_id']],
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, { columns, key, indexes }] of Object.entries(copies)) {
    const name = `released_${table}`;
    let create = db.schema.createTable(name);
    for (const [column, type, notNull] of columns) create = create.addColumn(column, type, (c) => (notNull ? c.notNull() : c));
    await create.addPrimaryKeyConstraint(`${name}_pkey`, key as never).execute();
    for (const columns of indexes) {
      await db.schema.createIndex(`${name}_${columns.join('_')}_idx`).on(name).columns(columns).execute();
    }
  }

  // The record of what readers saw and when: one row per release, never updated.
  await db.schema
    .createTable('releases')
    .addColumn('explainer_id', 'text', (c) => c.notNull().references('explainers.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('releases_pkey', ['explainer_id', 'number'])
    .execute();
  await db.schema
    .createTable('entity_releases')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_releases_pkey', ['entity_id', 'number'])
    .execute();
  // Entities get the revision history explainers have.
  await db.schema
    .createTable('entity_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('diff', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('entity_revisions_entity_version_key', ['entity_id', 'version'])
    .execute();
  // A publish set for later: fired once, by whichever replica takes the row first.
  await db.schema
    .createTable('scheduled_publishes')
    .addColumn('explainer_id', 'text', (c) => c.primaryKey().references('explainers.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scheduled_publishes_at_idx').on('scheduled_publishes').column('at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['scheduled_publishes', 'entity_revisions', 'entity_releases', 'releases', ...Object.keys(copies).map((x) => `released_${x}`)]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
