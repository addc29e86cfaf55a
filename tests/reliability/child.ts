import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Pool } from 'pg';
import type { TestDatabase } from '../setup/databases';
import { testDatabaseUrl } from '../setup/databases';

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** Backstory as production runs it: `node dist/api/main.js` in a process of its own (npm test builds first). */
export interface Child {
  process: ChildProcess;
  url: string;
  lines: LogLine[];
  /** Resolves with the first log line, past or future, that the predicate accepts. */
  waitForLine(predicate: (line: LogLine) => boolean): Promise<LogLine>;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** The process's resident set size, in MB (Linux). */
  rssMb(): number;
  /** Kills the process if it still runs and drops its store. */
  cleanup(): Promise<void>;
}

let counter = 0;

/** A store that outlives one child: a SQLite file or a PostgreSQL schema, as environment variables. */
export function childStore(database: TestDatabase): { env: Record<string, string>; drop(): Promise<void> } {
  if (database === 'postgres') {
    const schema = `r_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    return {
      env: { DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema },
      async drop() {
        const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
        await pool.query(`drop schema if exists "${schema}" cascade`);
        await pool.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'backstory-child-'));
  return { env: { SQLITE_PATH: join(dir, 'backstory.db') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** retainLines: false keeps no log line past the listening one (a long run logs every request). */
export async function startChild(env: Record<string, string>, options: { dropStore?: () => Promise<void>; retainLines?: boolean } = {}): Promise<Child> {
  const child = spawn(process.execPath, [join(__dirname, '../../dist/api/main.js')], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const waiters: Array<{ predicate: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      return;
    }
    if (options.retainLines !== false || !listened) lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  // Timed at 'exit', resolved at 'close': only then has every line the process wrote been read.
  let exitedAt = 0;
  child.on('exit', () => (exitedAt = Date.now()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, at: exitedAt || Date.now() })),
  );
  const waitForLine = (predicate: (line: LogLine) => boolean) => {
    const seen = lines.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise<LogLine>((resolve, reject) => {
      waiters.push({ predicate, resolve });
      void exited.then(({ code, signal }) => reject(new Error(`the child exited (${code ?? signal}) first: ${stderr}`)));
    });
  };
  let listened = false;
  const listening = await waitForLine((line) => typeof line.url === 'string' && /^http:\/\/[^/]+:\d+$/.test(line.url));
  listened = true;
  return {
    process: child,
    url: listening.url as string,
    lines,
    waitForLine,
    exited,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
    },
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      await options.dropStore?.();
    },
  };
}
