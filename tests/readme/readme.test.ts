/**
 * What the README tells a user to type works as written: its shell examples run, with bash, against a
 * freshly started server on a fresh SQLite store, and print what the README says they print. The only
 * change made to them is the server's address (localhost:4000 becomes the test server's).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { persistedGet } from '../setup/persisted';

const root = join(__dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The fenced blocks of one `## ` section, in order, with their language. */
function blocks(heading: string): Array<{ lang: string; code: string }> {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`the README has no section "${heading}"`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('the README, run as written', () => {
  let server: ChildProcess;
  let dir: string;
  let origin: string;
  let env: NodeJS.ProcessEnv;

  /** Runs a shell block with bash, stopping at the first failing command; returns what it printed. */
  function sh(code: string): string {
    const script = `set -euo pipefail\n${code.replaceAll('localhost:4000', origin.replace('http://', ''))}`;
    const result = spawnSync('bash', ['-c', script], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`the block failed (${result.status}):\n${result.stderr}\nprinted:\n${result.stdout}`);
    return result.stdout;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backstory-readme-'));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    env = { ...process.env, SQLITE_PATH: join(dir, 'backstory.db'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    server = spawn(process.execPath, [join(root, 'dist', 'api', 'main.js')], { cwd: root, env, stdio: 'ignore' });
    for (let i = 0; i < 200; i++) {
      if (await fetch(`${origin}/readyz`).then((r) => r.ok, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the server did not start');
  }, 30_000);
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the first example with the JSON it shows', () => {
    const [command, answer] = blocks('An example');
    expect([command.lang, answer.lang]).toEqual(['sh', 'json']);
    expect(JSON.parse(sh(command.code))).toEqual(JSON.parse(answer.code));
  });

  it('takes the editorial worked example from the first admin key to an embedded box, each answer as shown', async () => {
    const [example, html] = blocks('For CMS integrations: the editorial API');
    expect([example.lang, html.lang]).toEqual(['sh', 'html']);
    const shown = example.code.split('\n').filter((line) => line.startsWith('# → ')).map((line) => line.slice('# → '.length));
    expect(shown.length).toBeGreaterThan(5);
    expect(sh(example.code).trimEnd().split('\n')).toEqual(shown);

    // The HTML's script is served, and the box it renders has the explainer the example published.
    const [, script] = /<script async src="http:\/\/localhost:4000(\/[^"]+)"/.exec(html.code)!;
    expect((await fetch(`${origin}${script}`)).status).toBe(200);
    const [, slug] = /<backstory-box explainer="([^"]+)"/.exec(html.code)!;
    const box = await (await fetch(`${origin}${persistedGet({ explainer: slug })}`)).json();
    expect(box.data.contextBox).toMatchObject({ question: 'What is Lashkar-e-Taiba?', subject: { name: 'Lashkar-e-Taiba' } });
  }, 60_000);
});
