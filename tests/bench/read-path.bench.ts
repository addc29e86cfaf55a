/**
 * npm run bench: loads Backstory's public read path with autocannon on 127.0.0.1, on SQLite and
 * on PostgreSQL, beside baselines measured in the same run: plain node:http answering the same
 * bytes, plain node:http answering them with the same headers as Backstory's hit (its Surrogate-Key
 * and Cache-Tag are a few KB), and a bare Apollo Server answering the same object from memory.
 * Prints req/s, p50, p99 and the server's CPU time per request (which does not depend on how much of
 * the machine the load generator takes), with ratios to the baselines, and writes
 * dist/bench/read-path.json. Every run is bounded in time.
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
const roundCount = Number(process.env.BENCH_ROUNDS ?? 5);
const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Figure {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** The server process's user and system CPU time per answered request, in microseconds. */
  cpuMicrosPerRequest: number;
}

/** User and system CPU time a process has used so far, in microseconds (/proc/<pid>/stat, in clock ticks). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
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

async function load(name: string, server: ChildProcess, options: autocannon.Options): Promise<Figure> {
  if (warmupSeconds > 0) await autocannon({ connections, duration: warmupSeconds, ...options });
  const before = cpuMicros(server.pid!);
  const result = await autocannon({ connections, duration: seconds, ...options });
  const cpuMicrosPerRequest = Math.round(((cpuMicros(server.pid!) - before) / Math.max(1, result.requests.total)) * 10) / 10;
  const figure = { name, requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, cpuMicrosPerRequest };
  console.log(
    `  ${name.padEnd(44)} ${String(figure.requestsPerSecond).padStart(7)} req/s   p50 ${String(figure.p50).padStart(3)} ms   p99 ${String(figure.p99).padStart(3)} ms   ${String(cpuMicrosPerRequest).padStart(6)} µs CPU/req${figure.non2xx ? `   ${figure.non2xx} non-2xx!` : ''}`,
  );
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
  // Uncompressed, as autocannon asks: fetch() would ask for gzip, and get it.
  const identity = { headers: { 'accept-encoding': 'identity' } };
  await (await fetch(`http://127.0.0.1:4801${widgetPath}`, identity)).arrayBuffer();
  const hitResponse = await fetch(`http://127.0.0.1:4801${widgetPath}`, identity);
  const body = Buffer.from(await hitResponse.arrayBuffer());
  await stop(probe);
  // The headers a hit is answered with, but those node:http adds itself.
  const hitHeaders = Object.fromEntries([...hitResponse.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)));
  const headerBytes = Object.entries(hitHeaders).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
  writeFileSync(join(dir, 'response.json'), body);
  writeFileSync(join(dir, 'headers.json'), JSON.stringify(hitHeaders));
  console.log(`[bench] the widget's response: ${body.length} bytes, with ${headerBytes} bytes of headers on a hit; ${seconds} s per run after ${warmupSeconds} s unmeasured, ${connections} connections`);

  console.log('baselines');
  const plain = await start(['dist/bench/servers.js', 'http', '4811', join(dir, 'response.json')], {});
  process.once('exit', () => plain.kill());
  const plainFigure = await load('plain node:http, same bytes', plain, { url: 'http://127.0.0.1:4811/' });
  const plainHeaders = await start(['dist/bench/servers.js', 'http', '4813', join(dir, 'response.json'), join(dir, 'headers.json')], {});
  process.once('exit', () => plainHeaders.kill());
  const bare = await start(['dist/bench/servers.js', 'apollo', '4812', join(dir, 'response.json')], {});
  const bareFigure = await load('bare Apollo Server, same object', bare, { url: 'http://127.0.0.1:4812/', ...post('{ contextBox(explainer: "what-is-isis-k") }') });
  await stop(bare);
  results.baselines = { plain: plainFigure, bareApollo: bareFigure, hitHeaderBytes: headerBytes };

  for (const database of ['sqlite', 'postgres'] as const) {
    const store: Record<string, string> =
      database === 'sqlite' ? { SQLITE_PATH: join(dir, 'bench.db') } : { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: `bench_${process.pid}` };
    console.log(database);
    const cached = await backstory(4821, store);
    const figures: Figure[] = [];
    // The baseline again, just before: the load of a shared machine changes from minute to minute.
    // The cached GET and its baselines in turn, for BENCH_ROUNDS rounds; each ratio is the median of the
    // rounds' ratios, so that the load of a shared machine, which changes from minute to minute, weighs on both sides.
    const rounds: Array<{ plain: Figure; plainHeaders: Figure; hit: Figure }> = [];
    for (let round = 1; round <= roundCount; round++) {
      rounds.push({
        plain: await load(`round ${round}: plain node:http, same bytes`, plain, { url: 'http://127.0.0.1:4811/' }),
        plainHeaders: await load(`round ${round}: plain node:http, same headers too`, plainHeaders, { url: 'http://127.0.0.1:4813/' }),
        hit: await load(`round ${round}: widget persisted GET (cached)`, cached, { url: `http://127.0.0.1:4821${widgetPath}` }),
      });
    }
    const middle = <T>(values: T[], by: (v: T) => number): T => [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)];
    const plainNow = middle(rounds, (r) => r.plain.requestsPerSecond).plain;
    const plainHeadersNow = middle(rounds, (r) => r.plainHeaders.requestsPerSecond).plainHeaders;
    const ratio = (of: (r: (typeof rounds)[number]) => number) => of(middle(rounds, of));
    const toPlain = ratio((r) => r.hit.requestsPerSecond / r.plain.requestsPerSecond);
    const toPlainHeaders = ratio((r) => r.hit.requestsPerSecond / r.plainHeaders.requestsPerSecond);
    const cpuToPlain = ratio((r) => r.plain.cpuMicrosPerRequest / r.hit.cpuMicrosPerRequest);
    const cpuToPlainHeaders = ratio((r) => r.plainHeaders.cpuMicrosPerRequest / r.hit.cpuMicrosPerRequest);
    const hitP99 = middle(rounds, (r) => r.hit.p99).hit.p99;
    const plainP99 = middle(rounds, (r) => r.plain.p99).plain.p99;
    figures.push(middle(rounds, (r) => r.hit.requestsPerSecond).hit);
    figures.push(await load('search, POST', cached, { url: 'http://127.0.0.1:4821/graphql', ...post('{ search(query: "taliban") { edges { score node { ... on Entity { name } ... on Explainer { title } } } } }') }));
    figures.push(await load('explainer by slug, POST', cached, { url: 'http://127.0.0.1:4821/graphql', ...post('{ explainer(slug: "what-is-isis-k") { title summary sections { heading text } } }') }));
    const rss = rssMb(cached.pid!);
    await stop(cached);
    const uncached = await backstory(4822, { ...store, RESPONSE_CACHE_BYTES: '0' });
    figures.splice(1, 0, await load('widget persisted GET (uncached)', uncached, { url: `http://127.0.0.1:4822${widgetPath}` }));
    const rssUncached = rssMb(uncached.pid!);
    await stop(uncached);
    const miss = figures[1];
    console.log(`  cached GET: ${pct(toPlain, 1)} of plain node:http (median of ${roundCount} rounds; goal >= 90%), p99 ${hitP99} ms beside plain node:http's ${plainP99} ms (goal <= 5 ms on PostgreSQL)`);
    console.log(
      `  cached GET: ${pct(toPlainHeaders, 1)} of plain node:http sending the same headers; server CPU per request ${pct(cpuToPlain, 1)} as efficient as plain node:http, ${pct(cpuToPlainHeaders, 1)} with the same headers`,
    );
    console.log(
      `  uncached GET (the release path): ${miss.requestsPerSecond} req/s (goal >= ${database === 'sqlite' ? '2,000' : '1,000'}), p99 ${miss.p99} ms (goal <= 50 ms); ${pct(miss.requestsPerSecond, bareFigure.requestsPerSecond)} of bare Apollo`,
    );
    console.log(`  RSS after the runs: ${rss} MB cached server, ${rssUncached} MB uncached server (goal < 250 MB)`);
    results[database] = { figures, rounds, plain: plainNow, plainSameHeaders: plainHeadersNow, rssMb: { cached: rss, uncached: rssUncached }, ratios: { cachedToPlain: toPlain, cachedToPlainSameHeaders: toPlainHeaders, cpuToPlain, cpuToPlainSameHeaders: cpuToPlainHeaders, uncachedToBareApollo: miss.requestsPerSecond / bareFigure.requestsPerSecond } };
    if (database === 'postgres') {
      const pool = new Pool({ connectionString: databaseUrl, max: 1 });
      await pool.query(`drop schema if exists "bench_${process.pid}" cascade`);
      await pool.end();
    }
  }
  await stop(plain);
  await stop(plainHeaders);
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
