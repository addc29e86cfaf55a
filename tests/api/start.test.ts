/**
 * `npm start` at a terminal ends with the addresses as plain lines, after the JSON logs; with its output
 * going to a file or a log collector, it writes JSON lines only. Runs the built server (npm test builds).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const main = join(__dirname, '../../dist/api/main.js');

/** A port nobody listens on right now (the server's links name its port, so 0 will not do). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the built server, through a pseudo-terminal when asked; resolves once it prints `until`. */
async function start(terminal: boolean, env: Record<string, string>, until: RegExp): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-start-'));
  const fullEnv = { ...process.env, PORT: String(await freePort()), HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'backstory.db'), ...env };
  // script(1) gives the server a terminal for its stdout, as a person running npm start has.
  const child: ChildProcess = terminal
    ? spawn('script', ['-qefc', `${process.execPath} ${main}`, '/dev/null'], { env: fullEnv, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, [main], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => finish(new Error(`no ${until} in:\n${out}`)), 20_000);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      child.once('exit', () => {
        rmSync(dir, { recursive: true, force: true });
        if (error) reject(error);
        else resolve(out.replace(/\r\n/g, '\n'));
      });
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (until.test(out.replace(/\r\n/g, '\n'))) finish();
    });
  });
}

describe('npm start', () => {
  it('ends with the API, the example page and the explorer as plain lines at a terminal', async () => {
    const out = await start(true, { EXPLORER: 'true' }, /Explorer .*\n/);
    const plain = out.slice(out.indexOf('Backstory is running.'));
    expect(plain).toMatch(/^Backstory is running\.\n {2}API {7}http:\/\/127\.0\.0\.1:\d+\/graphql\n {2}Example {3}http:\/\/localhost:\d+\/examples\/news-page\/\n {2}Explorer {2}http:\/\/localhost:\d+\/explorer\n/);
    // Every JSON line came before them.
    expect(out.slice(0, out.indexOf('Backstory is running.')).trim().split('\n').every((line) => line.startsWith('{'))).toBe(true);
  }, 30_000);

  it('says how to turn the explorer on when it is off', async () => {
    const out = await start(true, { EXPLORER: 'false' }, /Explorer .*\n/);
    expect(out).toMatch(/Explorer {2}off \(EXPLORER=true or NODE_ENV=development serves it at http:\/\/localhost:\d+\/explorer\)/);
  }, 30_000);

  it('writes JSON lines only when its output is not a terminal', async () => {
    const out = await start(false, {}, /example news page embedding a box.*\n/);
    expect(out.trim().split('\n').every((line) => JSON.parse(line))).toBeTruthy();
    expect(out).not.toContain('Backstory is running.');
  }, 30_000);
});
