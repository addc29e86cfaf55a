import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client, Pool } from 'pg';
import {
  type CompiledQuery,
  Kysely,
  PostgresDialect,
  type RawBuilder,
  SqliteDialect,
  sql,
} from 'kysely';
import type { Database } from './database';

/** The only module that knows which database is underneath. */
export type DialectName = 'sqlite' | 'postgres';

export interface StoreOptions {
  databaseUrl?: string;
  /** PostgreSQL schema to work in, created when missing. */
  databaseSchema?: string;
  sqlitePath: string;
  /** Called once per executed statement (tests count them). */
  onQuery?: (query: CompiledQuery) => void;
}

const dialects = new WeakMap<Kysely<Database>, DialectName>();

/**
 * What the database underneath can do for the rest of Backstory, which asks for a capability and
 * never which database it is. Each is missing where the store serves one process (SQLite).
 */
export interface Capabilities {
  /** A new connection of its own to LISTEN on, named so that an operator can tell it apart. */
  listenConnection?: (applicationName: string) => Client;
  /** The store's connection pool, for libraries that keep shared state in it themselves (rate limits). */
  counterPool?: Pool;
  /** The schema Kysely's migration bookkeeping lives in: the store's own, when the database has schemas. */
  migrationTableSchema?: string;
}

const capabilities = new WeakMap<Kysely<Database>, Capabilities>();

export function capabilitiesOf(db: Kysely<Database>): Capabilities {
  return capabilities.get(db) ?? {};
}

/**
 * Tells every process on this store, once the transaction db belongs to commits (PostgreSQL
 * NOTIFY, delivered on commit only). Nothing to do where the store serves one process.
 */
export async function notifyOnCommit(db: Kysely<Database>, channel: string, payload: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

export async function openDatabase(options: StoreOptions): Promise<Kysely<Database>> {
  const log = options.onQuery
    ? (event: { level: string; query: CompiledQuery }) => options.onQuery!(event.query)
    : undefined;
  if (options.databaseUrl) {
    const schema = options.databaseSchema;
    if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid database schema name ${schema}`);
    if (schema) {
      const admin = new Pool({ connectionString: options.databaseUrl, max: 1 });
      try {
        await admin.query(`create schema if not exists "${schema}"`);
      } finally {
        await admin.end();
      }
    }
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    dialects.set(db, 'postgres');
    capabilities.set(db, {
      listenConnection: (applicationName) => new Client({ connectionString: options.databaseUrl, application_name: applicationName }),
      counterPool: pool,
      migrationTableSchema: schema ?? 'public',
    });
    return db;
  }
  if (options.sqlitePath !== ':memory:') mkdirSync(dirname(options.sqlitePath), { recursive: true });
  const database = new Sqlite(options.sqlitePath);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(database) }), log });
  dialects.set(db, 'sqlite');
  return db;
}

/**
 * better-sqlite3 compiles every statement Kysely prepares; the same few hundred SQL texts recur,
 * so compiled statements are kept (bounded) and reused. Kysely runs each one to completion
 * synchronously, so one statement is never in use twice at once.
 */
function reusingStatements(database: Sqlite.Database, max = 500) {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export function dialectOf(db: Kysely<Database>): DialectName {
  // A transaction is a new Kysely instance; fall back to its adapter.
  const known = dialects.get(db);
  if (known) return known;
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/**
 * The store as one public request reads it. On PostgreSQL: one read-only transaction whose
 * statements time out after timeoutMs (set for that transaction only, so migrations and writes
 * keep the server's setting), which also gives the request one consistent snapshot. SQLite runs
 * each statement synchronously, inside the request's own deadline: the store as it is.
 * release() ends the transaction; it is called once the response is ready, or after the time
 * limit at the latest, so that a request that never reports back cannot hold a connection.
 */
export async function publicReads(db: Kysely<Database>, timeoutMs: number): Promise<{ db: Kysely<Database>; release(): Promise<void> }> {
  if (dialectOf(db) !== 'postgres') return { db, release: async () => undefined };
  const trx = await db.startTransaction().setAccessMode('read only').execute();
  let released: Promise<void> | undefined;
  const release = () => {
    clearTimeout(backstop);
    released ??= trx.commit().execute().catch(() => trx.rollback().execute().catch(() => undefined));
    return released;
  };
  const backstop = setTimeout(release, timeoutMs + 1_000);
  backstop.unref();
  try {
    await sql`select set_config('statement_timeout', ${String(timeoutMs)}, true)`.execute(trx);
  } catch (error) {
    await release();
    throw error;
  }
  return { db: trx, release };
}

/** True when the database cancelled a statement for running past its statement_timeout. */
export function isStatementTimeout(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === '57014';
}

/** True when the error is a unique-constraint violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | undefined;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A folded word of a search; a prefix term also matches the words it begins. */
export interface SearchTerm {
  word: string;
  prefix: boolean;
}

/**
 * How much a word counts by where it is found, the same on both databases: title and aliases
 * (FTS5 columns title, aliases; tsvector weight A), summary (B), headings (C), body (D).
 */
const PLACES = [
  { columns: '{title aliases}', weight: 'A', score: 1 },
  { columns: '{summary}', weight: 'B', score: 0.4 },
  { columns: '{headings}', weight: 'C', score: 0.2 },
  { columns: '{body}', weight: 'D', score: 0.1 },
] as const;
/** The words found together as one phrase, anywhere. */
const PHRASE_SCORE = 0.5;
/** The query is a name of the entity, or of the subject of the explainer. */
const NAMED_SCORE = 2;
/** At an equal match an explainer, which answers a reader's question, comes before an entity. */
const EXPLAINER_SCORE = 0.15;
/** The database's own rank (bm25, ts_rank_cd) only orders documents that score alike otherwise: r / (1 + r) of this. */
const RANK_SCORE = 0.05;

const ftsTerm = (t: SearchTerm) => `"${t.word}"${t.prefix ? '*' : ''}`;
const tsTerm = (t: SearchTerm, weight = '') => `${t.word}:${t.prefix ? '*' : ''}${weight}`;

/**
 * Full-text match over search_documents for already folded terms: documents with any term, scored
 * by where each term is (PLACES), whether they hold the terms as a phrase and whether the query
 * named them (`named` doc ids). Returns (doc_type, doc_id, score) rows, best first.
 */
export function searchMatches(
  db: Kysely<Database>,
  query: { terms: SearchTerm[]; named?: string[] },
  filter: { locale?: string; docTypes: string[] },
  limit: number,
  offset: number,
): Promise<Array<{ doc_type: string; doc_id: string; score: number }>> {
  const { terms } = query;
  const docTypes = sql.join(filter.docTypes.map((s) => sql`${s}`));
  const locale: RawBuilder<unknown> = filter.locale ? sql`and d.locale = ${filter.locale}` : sql``;
  const named = query.named?.length ? sql`case when d.doc_id in (${sql.join(query.named.map((id) => sql`${id}`))}) then ${sql.lit(NAMED_SCORE)} else 0 end` : sql`0`;
  const explainer = sql`case when d.doc_type like '%explainer' then ${sql.lit(EXPLAINER_SCORE)} else 0 end`;
  const postgres = dialectOf(db) === 'postgres';
  const found = (match: string): RawBuilder<unknown> =>
    postgres ? sql`d.tsv @@ to_tsquery('simple', ${match})` : sql`d.seq in (select rowid from search_fts where search_fts match ${match})`;
  const termScores = terms.map((t) => {
    const places = PLACES.map((p) => sql`when ${found(postgres ? tsTerm(t, p.weight) : `${p.columns} : ${ftsTerm(t)}`)} then ${sql.lit(p.score)}`);
    return sql`(case ${sql.join(places, sql` `)} else 0 end)`;
  });
  const phrase =
    terms.length < 2
      ? sql`0`
      : sql`case when ${found(postgres ? terms.map((t) => tsTerm(t)).join(' <-> ') : `"${terms.map((t) => t.word).join(' ')}"${terms.at(-1)!.prefix ? '*' : ''}`)} then ${sql.lit(PHRASE_SCORE)} else 0 end`;
  const score = sql`(${sql.join(termScores, sql` + `)} + ${phrase} + ${named} + ${explainer} + ${sql.lit(RANK_SCORE)} * m.r / (1 + m.r))`;
  const matched = postgres
    ? sql`select d.seq, ts_rank_cd('{0.1,0.2,0.4,1.0}', d.tsv, q)::float8 as r
        from search_documents d, to_tsquery('simple', ${terms.map((t) => tsTerm(t)).join(' | ')}) q where d.tsv @@ q`
    : sql`select rowid as seq, -bm25(search_fts, 10.0, 10.0, 4.0, 2.0, 1.0) as r
        from search_fts where search_fts match ${terms.map(ftsTerm).join(' OR ')}`;
  return sql<{ doc_type: string; doc_id: string; score: number }>`
    with m as (${matched})
    select d.doc_type, d.doc_id, ${score} as score
    from m join search_documents d on d.seq = m.seq
    where d.doc_type in (${docTypes}) ${locale}
    order by score desc, d.seq
    limit ${limit} offset ${offset}`
    .execute(db)
    .then((r) => r.rows);
}

/** Ids of documents holding every term (each also as a prefix), for filters; in no particular order. */
export function allTermsMatch(
  db: Kysely<Database>,
  words: string[],
  filter: { locale?: string; docTypes: string[] },
  limit: number,
): Promise<Array<{ doc_type: string; doc_id: string }>> {
  const docTypes = sql.join(filter.docTypes.map((s) => sql`${s}`));
  const locale: RawBuilder<unknown> = filter.locale ? sql`and d.locale = ${filter.locale}` : sql``;
  const match =
    dialectOf(db) === 'postgres'
      ? sql`d.tsv @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(' & ')})`
      : sql`d.seq in (select rowid from search_fts where search_fts match ${words.map((w) => `"${w}"*`).join(' ')})`;
  return sql<{ doc_type: string; doc_id: string }>`
    select d.doc_type, d.doc_id from search_documents d
    where ${match} and d.doc_type in (${docTypes}) ${locale}
    limit ${limit}`
    .execute(db)
    .then((r) => r.rows);
}

/** Ids of documents whose title or aliases hold every word, whole; at most limit of them. */
export function nameMatches(db: Kysely<Database>, words: string[], filter: { docTypes: string[] }, limit: number): Promise<string[]> {
  const docTypes = sql.join(filter.docTypes.map((s) => sql`${s}`));
  const match =
    dialectOf(db) === 'postgres'
      ? sql`d.tsv @@ to_tsquery('simple', ${words.map((w) => `${w}:A`).join(' & ')})`
      : sql`d.seq in (select rowid from search_fts where search_fts match ${`{title aliases} : (${words.map((w) => `"${w}"`).join(' AND ')})`})`;
  return sql<{ doc_id: string }>`
    select d.doc_id from search_documents d where ${match} and d.doc_type in (${docTypes}) limit ${limit}`
    .execute(db)
    .then((r) => r.rows.map((row) => row.doc_id));
}

/**
 * Rows of a claim query that no other transaction holds, locked until this one ends: on PostgreSQL,
 * replicas polling the same table each take different rows (FOR UPDATE SKIP LOCKED). SQLite has one
 * writer at a time and no row locks: the transaction itself is the claim.
 */
export function claimable<Q extends { forUpdate(): Q; skipLocked(): Q }>(db: Kysely<Database>, query: Q): Q {
  return dialectOf(db) === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/**
 * Waits until no other transaction holds `name`, and holds it until this transaction ends
 * (PostgreSQL: a transaction-level advisory lock). SQLite has one writer at a time: nothing to wait for.
 */
export async function exclusiveForTransaction(db: Kysely<Database>, name: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.' || ${name}))`.execute(db);
}
