/**
 * What parts of the suite need beyond Node: PostgreSQL, Chromium and Varnish. The global setup looks for
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
