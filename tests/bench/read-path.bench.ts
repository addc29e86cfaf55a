/**
 * npm run bench: loads Backstory's public read path with autocannon on 127.0.0.1, on SQLite and
 * on PostgreSQL, beside two baselines measured in the same run: plain node:http answering the same
 * bytes, and a bare Apollo Server answering the same object from memory. Prints req/s, p50 and p99
 * with ratios to the baselines, and writes dist/bench/read-path.json. Every run is bounded in time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';

const root = join(__dirname, '..', '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
/** Unmeasured load before each run, so that figures are steady state rather than JIT and cold caches. */
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const connections = 50;
const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Figure {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

function start(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (/ready|listening/i.test(chunk.toString())) resolve(child);
    });
  });
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never became ready`);
}

async function backstory(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/api/main.js'], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', MUTATIONS_PER_MINUTE: '100000', ...env }, stdio: 'inherit' });
  await waitReady(`http://127.0.0.1:${port}`);
  return child;
}

async function load(name: string, options: autocannon.Options): Promise<Figure> {
  if (warmupSeconds > 0) await autocannon({ connections, duration: warmupSeconds, ...options });
  const result = await autocannon({ connections, duration: seconds, ...options });
  const figure = { name, requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
  console.log(`  ${name.padEnd(44)} ${String(figure.requestsPerSecond).padStart(7)} req/s   p50 ${String(figure.p50).padStart(3)} ms   p99 ${String(figure.p99).padStart(3)} ms${figure.non2xx ? `   ${figure.non2xx} non-2xx!` : ''}`);
  return figure;
}

/** SIGTERM, then wait until the process has shut down (a PostgreSQL schema is dropped only after that). */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill();
  return exited;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(root, 'dist/widgets/persisted-operations.json'), 'utf8')) as Record<string, string>;
  const hash = Object.keys(manifest).find((h) => manifest[h].includes('query ContextBox'))!;
  const variables = JSON.stringify({ explainer: 'what-is-isis-k' });
  const widgetPath = `/graphql?operationName=ContextBox&variables=${encodeURIComponent(variables)}&extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`;
  const post = (query: string) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const results: Record<string, unknown> = { machine: { cpus: require('node:os').cpus().length, node: process.version }, seconds, warmupSeconds, connections };
  const dir = join(tmpdir(), `backstory-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });

  // The bytes the baselines answer with: the widget's real response.
  const probe = await backstory(4801, { SQLITE_PATH: join(dir, 'probe.db') });
  const body = Buffer.from(await (await fetch(`http://127.0.0.1:4801${widgetPath}`)).arrayBuffer());
  await stop(probe);
  writeFileSync(join(dir, 'response.json'), body);
  console.log(`[bench] the widget's response: ${body.length} bytes; ${seconds} s per run after ${warmupSeconds} s unmeasured, ${connections} connections`);

  console.log('baselines');
  const plain = await start(['dist/bench/servers.js', 'http', '4811', join(dir, 'response.json')], {});
  process.once('exit', () => plain.kill());
  const plainFigure = await load('plain node:http, same bytes', { url: 'http://127.0.0.1:4811/' });
  const bare = await start(['dist/bench/servers.js', 'apollo', '4812', join(dir, 'response.json')], {});
  const bareFigure = await load('bare Apollo Server, same object', { url: 'http://127.0.0.1:4812/', ...post('{ contextBox(explainer: "what-is-isis-k") }') });
  await stop(bare);
  results.baselines = { plain: plainFigure, bareApollo: bareFigure };

  for (const database of ['sqlite', 'postgres'] as const) {
    const store: Record<string, string> =
      database === 'sqlite' ? { SQLITE_PATH: join(dir, 'bench.db') } : { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: `bench_${process.pid}` };
    console.log(database);
    const cached = await backstory(4821, store);
    const figures: Figure[] = [];
    // The baseline again, just before: the load of a shared machine changes from minute to minute.
    const plainNow = await load('plain node:http, same bytes (again)', { url: 'http://127.0.0.1:4811/' });
    figures.push(await load('widget persisted GET (cached)', { url: `http://127.0.0.1:4821${widgetPath}` }));
    figures.push(await load('search, POST', { url: 'http://127.0.0.1:4821/graphql', ...post('{ search(query: "taliban") { edges { score node { ... on Entity { name } ... on Explainer { title } } } } }') }));
    figures.push(await load('explainer by slug, POST', { url: 'http://127.0.0.1:4821/graphql', ...post('{ explainer(slug: "what-is-isis-k") { title summary sections { heading text } } }') }));
    const rss = rssMb(cached.pid!);
    await stop(cached);
    const uncached = await backstory(4822, { ...store, RESPONSE_CACHE_BYTES: '0' });
    figures.splice(1, 0, await load('widget persisted GET (uncached)', { url: `http://127.0.0.1:4822${widgetPath}` }));
    const rssUncached = rssMb(uncached.pid!);
    await stop(uncached);
    const [hit, miss] = figures;
    console.log(`  cached GET: ${pct(hit.requestsPerSecond, plainNow.requestsPerSecond)} of plain node:http just before (goal >= 90%), p99 ${hit.p99} ms (goal <= 5 ms on PostgreSQL)`);
    console.log(
      `  uncached GET (the release path): ${miss.requestsPerSecond} req/s (goal >= ${database === 'sqlite' ? '2,000' : '1,000'}), p99 ${miss.p99} ms (goal <= 50 ms); ${pct(miss.requestsPerSecond, bareFigure.requestsPerSecond)} of bare Apollo`,
    );
    console.log(`  RSS after the runs: ${rss} MB cached server, ${rssUncached} MB uncached server (goal < 250 MB)`);
    results[database] = { figures, plainJustBefore: plainNow, rssMb: { cached: rss, uncached: rssUncached }, ratios: { cachedToPlain: hit.requestsPerSecond / plainNow.requestsPerSecond, uncachedToBareApollo: miss.requestsPerSecond / bareFigure.requestsPerSecond } };
    if (database === 'postgres') {
      const pool = new Pool({ connectionString: databaseUrl, max: 1 });
      await pool.query(`drop schema if exists "bench_${process.pid}" cascade`);
      await pool.end();
    }
  }
  await stop(plain);
  mkdirSync(join(root, 'dist/bench'), { recursive: true });
  writeFileSync(join(root, 'dist/bench/read-path.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('[bench] wrote dist/bench/read-path.json');
}

const pct = (a: number, b: number) => `${Math.round((a / b) * 100)}%`;

main().then(
  () => process.exit(0),
  (error) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
