/**
 * A real WordPress for the plugin's tests: Debian's wordpress package (a private copy, with the test
 * site's wp-config.php), PHP's built-in server, a MariaDB database of its own, the plugin from
 * integrations/wordpress/backstory installed and active. Without PHP, WordPress or MariaDB the suite
 * fails under CI=true and is skipped anywhere else (the global setup says so, once).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasWordPress, mariadbHost, phpPath, phpunitPath, wordpressPath } from './requirements';
import { freePort } from './varnish';

export const PLUGIN_DIR = join(__dirname, '../../integrations/wordpress/backstory');
const SITE_FILES = join(__dirname, '../wordpress/site');

/** describe() when PHP, WordPress and MariaDB are there; a failing suite under CI=true when not; else a skip. */
export function describeWithWordPress(name: string, suite: () => void): void {
  if (hasWordPress()) {
    describe(name, suite);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('has PHP, WordPress and MariaDB to run the plugin in', () => {
        throw new Error(`WordPress at ${wordpressPath()}, PHP at ${phpPath()} and MariaDB at ${mariadbHost()} are needed under CI=true`);
      });
    });
  } else {
    describe.skip(name, suite);
  }
}

/** Runs the plugin's PHP unit tests (integrations/wordpress/backstory/tests) inside the site. */
export function phpunit(wp: WordPress): { status: number | null; output: string } {
  const run = spawnSync(phpunitPath(), ['-c', join(PLUGIN_DIR, 'phpunit.xml.dist')], { cwd: PLUGIN_DIR, env: { ...wp.env, BACKSTORY_WP_ROOT: wp.root }, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

export interface WordPress {
  /** http://localhost:<port>: another site than Backstory's 127.0.0.1 */
  url: string;
  /** The site's files: what wp-load.php is loaded from. */
  root: string;
  /** Environment under which PHP run outside the server (phpunit) reaches the site's database. */
  env: NodeJS.ProcessEnv;
  admin: { user: string; password: string };
  /** Runs PHP inside the site as the admin (the body of a function: `return ...;`) and answers its JSON. */
  php<T = any>(code: string): T;
  /** What the site logged (PHP notices and errors). */
  log(): string;
  stop(): Promise<void>;
}

let counter = 0;

export async function startWordPress(): Promise<WordPress> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-wp-'));
  const root = join(dir, 'site');
  cpSync(wordpressPath(), root, { recursive: true, dereference: true });
  for (const file of ['wp-config.php', 'install.php', 'run.php', 'router.php']) cpSync(join(SITE_FILES, file), join(root, file));
  cpSync(join(SITE_FILES, 'local-backstory.php'), join(root, 'wp-content/mu-plugins/local-backstory.php'));
  cpSync(PLUGIN_DIR, join(root, 'wp-content/plugins/backstory'), { recursive: true });

  const port = await freePort();
  const url = `http://localhost:${port}`;
  const database = `backstory_wp_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const env = { ...process.env, BACKSTORY_WP_DB: database, BACKSTORY_WP_DB_HOST: mariadbHost(), BACKSTORY_WP_HOST: `localhost:${port}` };
  const sql = (statement: string) => {
    const [host, dbPort] = mariadbHost().split(':');
    const code = `$db = new mysqli(${JSON.stringify(host)}, 'root', '', '', ${Number(dbPort ?? 3306)}); $db->query(${JSON.stringify(statement)}) or exit(1);`;
    const done = spawnSync(phpPath(), ['-r', code], { encoding: 'utf8' });
    if (done.status !== 0) throw new Error(`MariaDB refused "${statement}": ${done.stderr}${done.stdout}`);
  };
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      // Its own process group: PHP_CLI_SERVER_WORKERS forks workers that would otherwise keep the port.
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    try {
      sql(`DROP DATABASE IF EXISTS \`${database}\``);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  try {
    sql(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
    const install = spawnSync(phpPath(), [join(root, 'install.php'), url, password], { cwd: root, env, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`WordPress did not install: ${install.stderr}${install.stdout}`);

    server = spawn(phpPath(), ['-d', 'opcache.enable_cli=1', '-S', `127.0.0.1:${port}`, '-t', root, join(root, 'router.php')], {
      cwd: root,
      env: { ...env, PHP_CLI_SERVER_WORKERS: '4' },
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    server.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`php -S exited: ${output}`);
      const answer = await fetch(`${url}/wp-login.php`).catch(() => undefined);
      if (answer?.ok) break;
      if (Date.now() > deadline) throw new Error(`WordPress did not answer at ${url}: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    root,
    env,
    admin: { user: 'admin', password },
    php(code) {
      const run = spawnSync(phpPath(), [join(root, 'run.php')], { cwd: root, env, input: code, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`PHP failed: ${run.stderr}${run.stdout}`);
      return JSON.parse(run.stdout);
    },
    log() {
      try {
        return readFileSync(join(root, 'wp-content/debug.log'), 'utf8');
      } catch {
        return '';
      }
    },
    stop,
  };
}
