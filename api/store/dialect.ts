import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Pool } from 'pg';
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
const pools = new WeakMap<Kysely<Database>, Pool>();

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
    pools.set(db, pool);
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

/** The connection pool under a PostgreSQL store, for the few libraries that speak pg themselves. */
export function postgresPool(db: Kysely<Database>): Pool | undefined {
  return pools.get(db);
}

export function dialectOf(db: Kysely<Database>): DialectName {
  // A transaction is a new Kysely instance; fall back to its adapter.
  const known = dialects.get(db);
  if (known) return known;
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/** True when the error is a unique-constraint violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | undefined;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Full-text match over search_documents for already folded terms; each term matches as a prefix.
 * Returns (doc_type, doc_id, score) rows, best first; higher score is better on both databases.
 */
export function searchMatches(
  db: Kysely<Database>,
  terms: string[],
  filter: { locale?: string; docTypes: string[] },
  limit: number,
  offset: number,
): Promise<Array<{ doc_type: string; doc_id: string; score: number }>> {
  const docTypes = sql.join(filter.docTypes.map((s) => sql`${s}`));
  const locale: RawBuilder<unknown> = filter.locale ? sql`and d.locale = ${filter.locale}` : sql``;
  if (dialectOf(db) === 'postgres') {
    const query = terms.map((t) => `${t}:*`).join(' & ');
    return sql<{ doc_type: string; doc_id: string; score: number }>`
      select d.doc_type, d.doc_id, ts_rank(d.tsv, q)::float8 as score
      from search_documents d, to_tsquery('simple', ${query}) q
      where d.tsv @@ q and d.doc_type in (${docTypes}) ${locale}
      order by score desc, d.seq
      limit ${limit} offset ${offset}`
      .execute(db)
      .then((r) => r.rows);
  }
  const query = terms.map((t) => `"${t}"*`).join(' ');
  return sql<{ doc_type: string; doc_id: string; score: number }>`
    select d.doc_type, d.doc_id, -bm25(search_fts, 10.0, 1.0) as score
    from search_fts join search_documents d on d.seq = search_fts.rowid
    where search_fts match ${query} and d.doc_type in (${docTypes}) ${locale}
    order by score desc, d.seq
    limit ${limit} offset ${offset}`
    .execute(db)
    .then((r) => r.rows);
}

/**
 * Rows of a claim query that no other transaction holds, locked until this one ends: on PostgreSQL,
 * replicas polling the same table each take different rows (FOR UPDATE SKIP LOCKED). SQLite has one
 * writer at a time and no row locks: the transaction itself is the claim.
 */
export function claimable<Q extends { forUpdate(): Q; skipLocked(): Q }>(db: Kysely<Database>, query: Q): Q {
  return dialectOf(db) === 'postgres' ? query.forUpdate().skipLocked() : query;
}
