/**
 * How long Backstory takes to refuse each request of the hostile catalogue (tests/reliability/hostile.ts),
 * in a process of its own on SQLite: the median of 5 round trips on 127.0.0.1, beside the round trip
 * of /healthz alone as the baseline, and /healthz while four of the heaviest requests run. Writes
 * dist/bench/hostile.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../api/store/dialect';
import { createKey } from '../../api/store/key.store';
import { migrateToLatest } from '../../api/store/migrate';
import { childStore, startChild } from '../reliability/child';
import { dosLists, hostileCatalogue } from '../reliability/hostile';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(run: () => Promise<Response>): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await run();
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, status: response.status, bytes };
}

async function main(): Promise<void> {
  const store = childStore('sqlite');
  const db = await openDatabase({ sqlitePath: store.env.SQLITE_PATH });
  await migrateToLatest(db);
  const key = `Bearer ${(await createKey(db, { name: 'bench', role: 'editor' })).secret}`;
  await db.destroy();
  const child = await startChild({ ...store.env }, { dropStore: store.drop, retainLines: false });
  const results: Record<string, { medianMs: number; status: number; bytes: number }> = {};
  try {
    const health = [];
    for (let i = 0; i < 5; i++) health.push(await timed(() => fetch(`${child.url}/healthz`)));
    results['/healthz alone (baseline)'] = { medianMs: median(health.map((h) => h.ms)), status: 200, bytes: health[0].bytes };
    for (const entry of hostileCatalogue) {
      const runs = [];
      for (let i = 0; i < 5; i++) {
        const { path, init, keyed } = entry.request();
        runs.push(await timed(() => fetch(`${child.url}${path}`, keyed ? { ...init, headers: { ...(init.headers as Record<string, string>), authorization: key } } : init)));
      }
      results[entry.name] = { medianMs: median(runs.map((r) => r.ms)), status: runs[0].status, bytes: runs[0].bytes };
    }
    const under = [];
    for (let i = 0; i < 5; i++) {
      const hostile = Array.from({ length: 4 }, () => fetch(`${child.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(dosLists()) }));
      under.push(await timed(() => fetch(`${child.url}/healthz`)));
      await Promise.all(hostile.map(async (r) => (await r).arrayBuffer()));
    }
    results['/healthz while four 20-alias list requests run'] = { medianMs: median(under.map((h) => h.ms)), status: 200, bytes: under[0].bytes };
  } finally {
    await child.cleanup();
  }
  for (const [name, r] of Object.entries(results)) console.log(`[bench] ${name}: ${r.medianMs.toFixed(1)} ms, ${r.status}, ${r.bytes} bytes`);
  const root = join(__dirname, '../..');
  mkdirSync(join(root, 'dist/bench'), { recursive: true });
  writeFileSync(join(root, 'dist/bench/hostile.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
