import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import pino from 'pino';
import { type App, type AppOptions, type ConfigInput, createApp } from '../../api';
import { type TestDatabase, testDatabaseUrl } from './databases';

export interface TestApp {
  app: App;
  url: string;
  /** SQL statements run since the last reset. */
  statements: { count: number; reset(): void };
  /** POSTs a GraphQL operation; returns status and parsed body. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: GqlBody<T> }>;
  close(): Promise<void>;
}

export interface GqlBody<T> {
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

let counter = 0;

/**
 * A Backstory on its own throwaway store: a SQLite file, or a PostgreSQL schema of its own. Logs are
 * silent unless options give a logger; options.onQuery sees every statement too.
 */
export async function startApp(database: TestDatabase, config: ConfigInput = {}, options: AppOptions = {}): Promise<TestApp> {
  const statements = { count: 0, reset() { statements.count = 0; } };
  let cleanup: () => Promise<void>;
  const store: ConfigInput = {};
  if (database === 'postgres') {
    const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    store.databaseUrl = testDatabaseUrl();
    store.databaseSchema = schema;
    cleanup = async () => {
      const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
      await pool.query(`drop schema if exists "${schema}" cascade`);
      await pool.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-test-'));
    store.sqlitePath = join(dir, 'backstory.db');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const app = await createApp(
    // Scheduled publishes fire when a test says so (app.publishDue()), not between its statements; webhooks
    // are looked for after a publish, and often only where a test asks.
    { nodeEnv: 'test', schedulerIntervalMs: 3_600_000, webhookPollIntervalMs: 3_600_000, ...store, ...config },
    {
      logger: options.logger ?? pino({ level: 'silent' }),
      onQuery: (query) => {
        statements.count++;
        options.onQuery?.(query);
      },
    },
  );
  const url = await app.listen(0, '127.0.0.1');
  return {
    app,
    url,
    statements,
    async gql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GqlBody<any> };
    },
    async close() {
      await app.close();
      await cleanup();
    },
  };
}
