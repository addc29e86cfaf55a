import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: a later change to the schema is a new migration, never an edit here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('entities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('wikidata_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('entity_aliases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('normalized', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('entity_aliases_locale_normalized_key', ['locale', 'normalized'])
    .execute();
  await db.schema.createIndex('entity_aliases_entity_idx').on('entity_aliases').column('entity_id').execute();
  await db.schema.createIndex('entity_aliases_normalized_idx').on('entity_aliases').column('normalized').execute();

  await db.schema
    .createTable('entity_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('hedge', 'text')
    .execute();
  await db.schema.createIndex('entity_facts_entity_idx').on('entity_facts').column('entity_id').execute();

  await db.schema
    .createTable('entity_relations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('predicate', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('hedge', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('entity_relations_subject_idx').on('entity_relations').column('subject_id').execute();
  await db.schema.createIndex('entity_relations_object_idx').on('entity_relations').column('object_id').execute();

  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('publisher_id', 'text', (c) => c.references('entities.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('explainers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('translation_group', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('dateline', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.references('entities.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addUniqueConstraint('explainers_slug_locale_key', ['slug', 'locale'])
    .execute();
  await db.schema.createIndex('explainers_subject_idx').on('explainers').column('subject_id').execute();
  await db.schema.createIndex('explainers_group_idx').on('explainers').column('translation_group').execute();
  await db.schema.createIndex('explainers_listing_idx').on('explainers').columns(['status', 'published_at', 'id']).execute();

  await db.schema
    .createTable('sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('explainer_id', 'text', (c) => c.notNull().references('explainers.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('heading', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addUniqueConstraint('sections_explainer_slug_key', ['explainer_id', 'slug'])
    .execute();

  await db.schema
    .createTable('quotes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('explainer_id', 'text', (c) => c.notNull().references('explainers.id').onDelete('cascade'))
    .addColumn('section_id', 'text', (c) => c.references('sections.id').onDelete('set null'))
    .addColumn('source_id', 'text', (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quotes_explainer_idx').on('quotes').column('explainer_id').execute();

  await db.schema
    .createTable('quote_speakers')
    .addColumn('quote_id', 'text', (c) => c.notNull().references('quotes.id').onDelete('cascade'))
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('quote_speakers_pkey', ['quote_id', 'entity_id'])
    .execute();

  await db.schema
    .createTable('mentions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('section_id', 'text', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('explainer_id', 'text', (c) => c.notNull().references('explainers.id').onDelete('cascade'))
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('block', 'integer', (c) => c.notNull())
    .addColumn('paragraph', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentions_section_idx').on('mentions').column('section_id').execute();
  await db.schema.createIndex('mentions_entity_idx').on('mentions').columns(['entity_id', 'explainer_id']).execute();

  await db.schema
    .createTable('citations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('fact_id', 'text', (c) => c.references('entity_facts.id').onDelete('cascade'))
    .addColumn('relation_id', 'text', (c) => c.references('entity_relations.id').onDelete('cascade'))
    .addColumn('section_id', 'text', (c) => c.references('sections.id').onDelete('cascade'))
    .addColumn('block', 'integer')
    .addColumn('paragraph', 'integer')
    .addColumn('start', 'integer')
    .addColumn('end', 'integer')
    .addCheckConstraint(
      'citations_one_target',
      sql`(case when fact_id is null then 0 else 1 end + case when relation_id is null then 0 else 1 end + case when section_id is null then 0 else 1 end) = 1`,
    )
    .execute();
  for (const column of ['source_id', 'fact_id', 'relation_id', 'section_id']) {
    await db.schema.createIndex(`citations_${column}_idx`).on('citations').column(column).execute();
  }

  await db.schema
    .createTable('corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('explainer_id', 'text', (c) => c.notNull().references('explainers.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('corrections_explainer_idx').on('corrections').column('explainer_id').execute();

  // Full-text search: one table of folded documents; each database indexes it its own way.
  await db.schema
    .createTable('search_documents')
    .addColumn('seq', postgres ? 'serial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_documents_doc_key', ['doc_type', 'doc_id'])
    .execute();

  if (postgres) {
    await sql`alter table search_documents add column tsv tsvector generated always as (
      setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) stored`.execute(db);
    await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(
      title, body, content='search_documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, title, body) values (new.seq, new.title, new.body); end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.seq, old.title, old.body); end`.execute(db);
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.seq, old.title, old.body);
      insert into search_fts(rowid, title, body) values (new.seq, new.title, new.body); end`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'search_fts', 'search_documents', 'corrections', 'citations', 'mentions', 'quote_speakers', 'quotes',
    'sections', 'explainers', 'sources', 'entity_relations', 'entity_facts', 'entity_aliases', 'entities',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
