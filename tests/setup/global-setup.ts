import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { Client } from 'pg';
import { testDatabaseUrl } from './databases';
import { chromiumPath, mariadbHost, phpPath, phpunitPath, varnishdPath, wordpressPath } from './requirements';

/** Whether something accepts TCP connections at host:port. */
function answers(hostPort: string): Promise<boolean> {
  const [host, port] = hostPort.split(':');
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port || 3306) });
    socket.setTimeout(3000);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/**
 * PostgreSQL must answer for the PostgreSQL half of the suite, Chromium must be there for the browser
 * suites, varnishd for the CDN suite, and PHP, WordPress and MariaDB for the WordPress plugin's suite. Under CI=true a missing one fails the run; elsewhere its suites are skipped, and
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

  const wordpress = [
    existsSync(wordpressPath()) ? '' : `WordPress is not at ${wordpressPath()}`,
    existsSync(phpPath()) ? '' : `PHP is not at ${phpPath()}`,
    existsSync(phpunitPath()) ? '' : `phpunit is not at ${phpunitPath()}`,
    (await answers(mariadbHost())) ? '' : `MariaDB does not answer at ${mariadbHost()}`,
  ].filter(Boolean);
  process.env.BACKSTORY_TEST_WORDPRESS = wordpress.length === 0 ? 'on' : 'off';
  if (wordpress.length > 0) missing.push(`${wordpress.join(', ')}: the WordPress suites are SKIPPED; install Debian's wordpress, php8.2 and phpunit packages (see .ci/run) or set WORDPRESS_PATH, PHP_PATH, PHPUNIT_PATH, TEST_MARIADB_HOST`);

  if (missing.length > 0 && process.env.CI === 'true') {
    throw new Error(`under CI=true every suite must run:\n${missing.join('\n')}`);
  }
  for (const line of missing) console.warn(`[backstory] ${line}`);
}
