/**
 * Without PostgreSQL, Chromium, Varnish or WordPress the suite says so once each and passes on what it can run; under
 * CI=true it fails. Checked by running jest itself on a fixture with neither.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function jestWithout(env: Record<string, string>) {
  const clean = { ...process.env };
  for (const name of ['CI', 'BACKSTORY_TEST_POSTGRES', 'JEST_WORKER_ID']) delete clean[name];
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--rootDir', root, '--testMatch', '**/tests/setup/fixtures/requirements.fixture.ts', '--runInBand', '--json'],
    { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...clean, TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test', CHROMIUM_PATH: '/nonexistent/chromium', VARNISHD_PATH: '/nonexistent/varnishd', WORDPRESS_PATH: '/nonexistent/wordpress', ...env } },
  );
  const report = result.stdout ? (JSON.parse(result.stdout) as { numPassedTests: number; numPendingTests: number; numFailedTests: number }) : undefined;
  return { status: result.status, stderr: result.stderr, report };
}

describe('the test setup without PostgreSQL, Chromium, Varnish and WordPress', () => {
  it('skips their suites with one line each, runs the rest, and passes', () => {
    const { status, stderr, report } = jestWithout({});
    expect(status).toBe(0);
    expect(stderr.split('\n').filter((line) => /^\s*\[backstory\] PostgreSQL .* SKIPPED/.test(line))).toHaveLength(1);
    expect(stderr.split('\n').filter((line) => /^\s*\[backstory\] Chromium .* SKIPPED/.test(line))).toHaveLength(1);
    expect(stderr.split('\n').filter((line) => /^\s*\[backstory\] varnishd .* SKIPPED/.test(line))).toHaveLength(1);
    expect(stderr.split('\n').filter((line) => /^\s*\[backstory\] WordPress .* SKIPPED/.test(line))).toHaveLength(1);
    // SQLite's suite runs; PostgreSQL's half, the PostgreSQL-only suite, the browser, Varnish and WordPress suites are skipped.
    expect(report).toMatchObject({ numPassedTests: 1, numPendingTests: 4, numFailedTests: 0 });
  }, 120_000);

  it('fails under CI=true, naming what is missing', () => {
    const { status, stderr } = jestWithout({ CI: 'true' });
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/test does not answer/);
    expect(stderr).toMatch(/Chromium is not at \/nonexistent\/chromium/);
    expect(stderr).toMatch(/varnishd is not at \/nonexistent\/varnishd/);
    expect(stderr).toMatch(/WordPress is not at \/nonexistent\/wordpress/);
  }, 120_000);
});
