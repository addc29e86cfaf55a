import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { testDatabaseUrl } from './databases';
import { chromiumPath, varnishdPath } from './requirements';

/**
 * PostgreSQL must answer for the PostgreSQL half of the suite, Chromium must be there for the browser
 * suites, and varnishd for the CDN suite. Under CI=true a missing one fails the run; elsewhere its suites are skipped, and
 * one line each says so.
 */
export default async function globalSetup(): Promise<void> {
  const missing: string[] = [];
  const client = new Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    process.env.BACKSTORY_TEST_POSTGRES = 'on';
  } catch (error) {
    process.env.BACKSTORY_TEST_POSTGRES = 'off';
    missing.push(`PostgreSQL at ${testDatabaseUrl()} does not answer (${String(error).split('\n')[0]}): the PostgreSQL suites are SKIPPED; set TEST_DATABASE_URL`);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!existsSync(chromiumPath())) missing.push(`Chromium is not at ${chromiumPath()}: the browser suites are SKIPPED; install Debian's chromium or set CHROMIUM_PATH`);
  if (!existsSync(varnishdPath())) missing.push(`varnishd is not at ${varnishdPath()}: the Varnish suites are SKIPPED; install Debian's varnish and varnish-modules or set VARNISHD_PATH`);

  if (missing.length > 0 && process.env.CI === 'true') {
    throw new Error(`under CI=true every suite must run:\n${missing.join('\n')}`);
  }
  for (const line of missing) console.warn(`[backstory] ${line}`);
}
