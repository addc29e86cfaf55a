import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: a later change to the schema is a new migration, never an edit here.
// Search ranks by where a word is: a document's title and aliases weigh most, then its summary,
// then its headings, then its body. Each gets a column, and each database indexes them apart
// (FTS5 columns for bm25's weights, tsvector weights A to D for ts_rank_cd). Documents written
// before this have every word in title and body; `format` 0 marks them for the application to
// index again at its next start, with the code that knows what goes where.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const column of ['aliases', 'summary', 'headings']) {
    await db.schema.alterTable('search_documents').addColumn(column, 'text', (c) => c.notNull().defaultTo('')).execute();
  }
  await db.schema.alterTable('search_documents').addColumn('format', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  if (postgres) {
    await sql`alter table search_documents drop column tsv`.execute(db);
    await sql`alter table search_documents add column tsv tsvector generated always as (
      setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', aliases), 'A') ||
      setweight(to_tsvector('simple', summary), 'B') || setweight(to_tsvector('simple', headings), 'C') ||
      setweight(to_tsvector('simple', body), 'D')) stored`.execute(db);
    await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
    return;
  }
  for (const trigger of ['search_documents_ai', 'search_documents_ad', 'search_documents_au']) {
    await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table if exists search_fts`.execute(db);
  // prefix: two- and three-letter prefix indexes keep search-as-you-type fast.
  await sql`create virtual table search_fts using fts5(
    title, aliases, summary, headings, body, content='search_documents', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3')`.execute(db);
  await sql`create trigger search_documents_ai after insert on search_documents begin
    insert into search_fts(rowid, title, aliases, summary, headings, body)
    values (new.seq, new.title, new.aliases, new.summary, new.headings, new.body); end`.execute(db);
  await sql`create trigger search_documents_ad after delete on search_documents begin
    insert into search_fts(search_fts, rowid, title, aliases, summary, headings, body)
    values ('delete', old.seq, old.title, old.aliases, old.summary, old.headings, old.body); end`.execute(db);
  await sql`create trigger search_documents_au after update on search_documents begin
    insert into search_fts(search_fts, rowid, title, aliases, summary, headings, body)
    values ('delete', old.seq, old.title, old.aliases, old.summary, old.headings, old.body);
    insert into search_fts(rowid, title, aliases, summary, headings, body)
    values (new.seq, new.title, new.aliases, new.summary, new.headings, new.body); end`.execute(db);
  await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`alter table search_documents drop column tsv`.execute(db);
    await sql`alter table search_documents add column tsv tsvector generated always as (
      setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) stored`.execute(db);
    await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
  } else {
    for (const trigger of ['search_documents_ai', 'search_documents_ad', 'search_documents_au']) {
      await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
    }
    await sql`drop table if exists search_fts`.execute(db);
  }
  for (const column of ['format', 'headings', 'summary', 'aliases']) {
    await db.schema.alterTable('search_documents').dropColumn(column).execute();
  }
  if (!postgres) {
    await sql`create virtual table search_fts using fts5(
      title, body, content='search_documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, title, body) values (new.seq, new.title, new.body); end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.seq, old.title, old.body); end`.execute(db);
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.seq, old.title, old.body);
      insert into search_fts(rowid, title, body) values (new.seq, new.title, new.body); end`.execute(db);
    await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
  }
}
