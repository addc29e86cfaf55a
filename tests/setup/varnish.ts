/**
 * Varnish Cache for the CDN tests: Debian's varnishd with varnish-modules' xkey, running
 * examples/varnish/backstory.vcl in front of a test Backstory. Without it the suite fails under
 * CI=true and is skipped anywhere else (the global setup says so, once).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { varnishdPath } from './requirements';

export const VARNISHD = varnishdPath();
export const EXAMPLE_VCL = join(__dirname, '../../examples/varnish/backstory.vcl');

/** describe() when varnishd is there; a failing suite under CI=true when it is not; else a skip. */
export function describeWithVarnish(name: string, suite: () => void): void {
  if (existsSync(VARNISHD)) {
    describe(name, suite);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('has Varnish to run in front of Backstory', () => {
        throw new Error(`varnishd is not at ${VARNISHD} (set VARNISHD_PATH): the Varnish tests cannot run under CI=true`);
      });
    });
  } else {
    describe.skip(name, suite);
  }
}

/** A port nobody listens on now (the kernel's choice, released for the caller to bind). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Varnish {
  url: string;
  stop(): Promise<void>;
}

/** The example VCL with its backend pointed at this port: the file itself names npm start's 4000. */
export function exampleVcl(backendPort: number): string {
  const vcl = readFileSync(EXAMPLE_VCL, 'utf8');
  const pointed = vcl.replace('.host = "127.0.0.1"; .port = "4000";', `.host = "127.0.0.1"; .port = "${backendPort}";`);
  if (pointed === vcl) throw new Error(`${EXAMPLE_VCL} no longer names its backend as the tests expect`);
  return pointed;
}

/** varnishd in the foreground as a child of this process, answering on 127.0.0.1:port. */
export async function startVarnish(port: number, vcl: string): Promise<Varnish> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-varnish-'));
  const file = join(dir, 'backstory.vcl');
  writeFileSync(file, vcl);
  const child: ChildProcess = spawn(VARNISHD, ['-j', 'none', '-a', `127.0.0.1:${port}`, '-f', file, '-s', 'malloc,64m', '-n', join(dir, 'work'), '-F'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async () => {
    if (!gone) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (gone) {
      await stop();
      throw new Error(`varnishd exited before answering:\n${output}`);
    }
    // Any answer will do (the synthetic 400 of a key-less PURGE): the cache is up and its VCL loaded.
    const answered = await fetch(url, { method: 'PURGE' }).then(
      (response) => response.arrayBuffer().then(() => true),
      () => false,
    );
    if (answered) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`varnishd did not answer on ${url} within 20 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
