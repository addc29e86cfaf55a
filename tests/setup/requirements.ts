/**
 * What parts of the suite need beyond Node: PostgreSQL, Chromium, Varnish, and WordPress with PHP and MariaDB. The global setup looks for
 * each once and tells the test files through the environment; without one, its suites are skipped (one line
 * says so) or, under CI=true, the run fails.
 */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const varnishdPath = (): string => process.env.VARNISHD_PATH || '/usr/sbin/varnishd';

export const hasPostgres = (): boolean => process.env.BACKSTORY_TEST_POSTGRES !== 'off';

/** describe() for a suite that needs PostgreSQL alone; skipped with the rest when it does not answer. */
export function describeOnPostgres(name: string, suite: () => void): void {
  (hasPostgres() ? describe : describe.skip)(name, suite);
}

/** Debian's wordpress package: the plugin's tests run it from a private copy. */
export const wordpressPath = (): string => process.env.WORDPRESS_PATH || '/usr/share/wordpress';

export const phpPath = (): string => process.env.PHP_PATH || '/usr/bin/php';

/** Debian's phpunit (9.6), for the plugin's PHP unit tests. */
export const phpunitPath = (): string => process.env.PHPUNIT_PATH || '/usr/bin/phpunit';

/** host:port of the MariaDB server WordPress's test sites get a database on (root, empty password). */
export const mariadbHost = (): string => process.env.TEST_MARIADB_HOST || '127.0.0.1:3306';

export const hasWordPress = (): boolean => process.env.BACKSTORY_TEST_WORDPRESS === 'on';
