/**
 * npm run bench (churn): 500 published explainers with their boxes hot in the response cache, read
 * round-robin with autocannon, three ways in the same run: no writes (the baseline), one publish a
 * second of other explainers, and one working-copy edit a second of the hot ones. A publish should
 * drop only its own explainer's responses (goal: >= 80% of the baseline), an edit none (>= 95%).
 * They alternate for BENCH_ROUNDS rounds, and each ratio is the median of its rounds' ratios to the
 * baseline run just before it, so that the load of a shared machine, which changes from minute to minute,
 * weighs on both sides of a ratio. On SQLite and on PostgreSQL; bounded in time; writes dist/bench/churn.json.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';

const root = join(__dirname, '..', '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const hotCount = Number(process.env.BENCH_HOT_EXPLAINERS ?? 500);
const churnCount = 20;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = 50;
const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function backstory(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/api/main.js'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', MUTATIONS_PER_MINUTE: '1000000', ...env },
    stdio: 'inherit',
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Backstory never became ready');
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill();
  return exited;
}

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(root, 'dist/widgets/persisted-operations.json'), 'utf8')) as Record<string, string>;
  const hash = Object.keys(manifest).find((h) => manifest[h].includes('query ContextBox'))!;
  const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  const boxPath = (slug: string) => `/graphql?operationName=ContextBox&variables=${encodeURIComponent(JSON.stringify({ explainer: slug }))}&extensions=${extensions}`;
  const dir = join(tmpdir(), `backstory-churn-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const results: Record<string, unknown> = { seconds, hotExplainers: hotCount, connections };
  console.log(`[bench] churn: ${hotCount} hot boxes read round-robin, ${connections} connections, ${seconds} s per run`);

  for (const database of ['sqlite', 'postgres'] as const) {
    const store: Record<string, string> =
      database === 'sqlite' ? { SQLITE_PATH: join(dir, 'churn.db') } : { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: `churn_${process.pid}` };
    const port = database === 'sqlite' ? 4831 : 4832;
    const base = `http://127.0.0.1:${port}`;
    const server = await backstory(port, store);
    try {
      const key = JSON.parse(
        execFileSync(process.execPath, ['dist/api/cli/keys.js', 'create', '--role', 'publisher', '--name', 'bench', '--json'], {
          cwd: root,
          env: { ...process.env, ...store, LOG_LEVEL: 'warn' },
        }).toString(),
      ) as { secret: string };
      const gql = async (query: string, variables: Record<string, unknown> = {}) => {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key.secret}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data?: any; errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return body.data;
      };
      // Published explainers: the hot ones, and a few others to publish during the run.
      const versions = new Map<string, number>();
      const ids = new Map<string, string>();
      for (let i = 0; i < hotCount + churnCount; i++) {
        const slug = i < hotCount ? `hot-${i}` : `churn-${i}`;
        const created = await gql(`mutation($s: String!) { createExplainer(input: { slug: $s, title: "What is ${slug}?", headline: "h", summary: "s" }) { id } }`, { s: slug });
        const published = await gql('mutation($x: ID!) { publishExplainer(id: $x, expectedVersion: 1) { version } }', { x: created.createExplainer.id });
        ids.set(slug, created.createExplainer.id);
        versions.set(slug, published.publishExplainer.version);
      }
      const hot = [...Array(hotCount).keys()].map((i) => `hot-${i}`);
      for (const slug of hot) await fetch(`${base}${boxPath(slug)}`);
      const requests = hot.map((slug) => ({ method: 'GET' as const, path: boxPath(slug) }));

      const run = async (name: string, write?: (tick: number) => Promise<void>) => {
        let tick = 0;
        let writes = 0;
        let writing = false;
        const timer = write
          ? setInterval(() => {
              if (writing) return;
              writing = true;
              void write(tick++)
                .then(() => writes++)
                .finally(() => (writing = false));
            }, 1000)
          : undefined;
        // As browsers send it (the cache key includes Accept): the same key the warm-up and publishing warm.
        const result = await autocannon({ url: base, connections, duration: seconds, requests, headers: { accept: '*/*' } });
        if (timer) clearInterval(timer);
        const figure = { name, requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, writes };
        console.log(`  ${name.padEnd(46)} ${String(figure.requestsPerSecond).padStart(7)} req/s   p50 ${figure.p50} ms   p99 ${figure.p99} ms   ${writes} writes`);
        return figure;
      };

      console.log(database);
      await run('warm-up (unmeasured)');
      let publishTick = 0;
      let editTick = 0;
      const publishOne = async () => {
        const slug = `churn-${hotCount + (publishTick++ % churnCount)}`;
        const published = await gql('mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { version } }', { x: ids.get(slug), v: versions.get(slug) });
        versions.set(slug, published.publishExplainer.version);
      };
      const editOne = async () => {
        const slug = hot[editTick++ % hot.length];
        const edited = await gql('mutation($x: ID!, $v: Int!) { updateExplainer(id: $x, expectedVersion: $v, input: { headline: "edited" }) { version } }', {
          x: ids.get(slug),
          v: versions.get(slug),
        });
        versions.set(slug, edited.updateExplainer.version);
      };
      type Figure = Awaited<ReturnType<typeof run>>;
      const measured: Array<{ quietBeforePublishing: Figure; publishing: Figure; quietBeforeEditing: Figure; editing: Figure }> = [];
      for (let round = 1; round <= rounds; round++) {
        const quietBeforePublishing = await run(`round ${round}: no writes (baseline)`);
        const publishing = await run(`round ${round}: one publish a second of other explainers`, publishOne);
        const quietBeforeEditing = await run(`round ${round}: no writes (baseline)`);
        const editing = await run(`round ${round}: one working-copy edit a second of hot ones`, editOne);
        measured.push({ quietBeforePublishing, publishing, quietBeforeEditing, editing });
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const ratios = {
        publishing: median(measured.map((m) => m.publishing.requestsPerSecond / m.quietBeforePublishing.requestsPerSecond)),
        editing: median(measured.map((m) => m.editing.requestsPerSecond / m.quietBeforeEditing.requestsPerSecond)),
      };
      const pct = (r: number) => `${Math.round(r * 100)}%`;
      console.log(`  publishes: ${pct(ratios.publishing)} of the baseline (median of ${rounds} rounds; goal >= 80%)`);
      console.log(`  edits: ${pct(ratios.editing)} of the baseline (median of ${rounds} rounds; goal >= 95%)`);
      results[database] = { rounds: measured, ratios };
    } finally {
      await stop(server);
      if (database === 'postgres') {
        const pool = new Pool({ connectionString: databaseUrl, max: 1 });
        await pool.query(`drop schema if exists "churn_${process.pid}" cascade`);
        await pool.end();
      }
    }
  }
  mkdirSync(join(root, 'dist/bench'), { recursive: true });
  writeFileSync(join(root, 'dist/bench/churn.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('[bench] wrote dist/bench/churn.json');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
