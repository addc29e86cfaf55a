import { Client } from 'pg';
import { testDatabaseUrl } from './databases';

/**
 * PostgreSQL must answer for the PostgreSQL half of the suite. Under CI=true a missing server
 * fails the run; elsewhere the PostgreSQL half is skipped with a warning.
 */
export default async function globalSetup(): Promise<void> {
  const client = new Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    process.env.BACKSTORY_TEST_POSTGRES = 'on';
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL is required under CI=true and ${testDatabaseUrl()} does not answer: ${String(error)}`);
    }
    process.env.BACKSTORY_TEST_POSTGRES = 'off';
    console.warn(`\n[backstory] PostgreSQL at ${testDatabaseUrl()} does not answer: the PostgreSQL half of the suite is SKIPPED.\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
