/**
 * Live streams at scale: Backstory in a process of its own on SQLite holding LIVE_BENCH_STREAMS idle
 * streams (10,000 by default) opened from this process, each on its own connection. Prints the
 * process's RSS per stream, its CPU while the streams idle through one heartbeat, and the time one
 * correction takes to reach every stream, beside the same publish reaching a single stream (the
 * baseline, measured in the same run). Writes dist/bench/live.json.
 *
 * Each stream costs a file descriptor on each side: the count is capped below this process's
 * `ulimit -n` (raised to the hard limit where allowed), and the bench says so when it opens fewer.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { type ClientRequest, request } from 'node:http';
import { join } from 'node:path';
import { openDatabase } from '../../api/store/dialect';
import { createKey } from '../../api/store/key.store';
import { migrateToLatest } from '../../api/store/migrate';
import { childStore, startChild } from '../reliability/child';

const WANTED = Number(process.env.LIVE_BENCH_STREAMS ?? 10_000);
const SLUG = 'what-is-isis-k';
const HEARTBEAT_MS = 25_000;

const step = (what: string) => console.log(`[bench] live: ${what}`);

interface Stream {
  req: ClientRequest;
  /** When this stream first saw a release event (performance.now()). */
  heard?: number;
}

/** The soft limit on open files; the shell's `ulimit -n`. */
function openFileLimit(): number {
  try {
    return Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  } catch {
    return 1024;
  }
}

const openFiles = () => readdirSync('/proc/self/fd').length;

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function openStream(url: string, streams: Stream[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream: Stream = { req: undefined as unknown as ClientRequest };
    stream.req = request(`${url}/live/v1/events?explainer=${SLUG}`, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`stream ${streams.length} answered ${res.statusCode}`));
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (stream.heard === undefined && chunk.includes('event: release')) stream.heard = performance.now();
      });
      res.on('error', () => undefined);
      streams.push(stream);
      resolve();
    });
    stream.req.on('error', reject);
    stream.req.end();
  });
}

async function openStreams(url: string, count: number): Promise<Stream[]> {
  const streams: Stream[] = [];
  for (let i = 0; i < count; i += 200) {
    await Promise.all(Array.from({ length: Math.min(200, count - i) }, () => openStream(url, streams)));
  }
  return streams;
}

async function main(): Promise<void> {
  const limit = openFileLimit();
  // Room for what this process has open besides the streams.
  const count = Math.min(WANTED, limit - openFiles() - 200);
  if (count < WANTED) console.log(`[bench] live: ulimit -n is ${limit}: opening ${count} streams instead of ${WANTED}`);

  const store = childStore('sqlite');
  const db = await openDatabase({ sqlitePath: store.env.SQLITE_PATH });
  await migrateToLatest(db);
  const key = `Bearer ${(await createKey(db, { name: 'bench', role: 'publisher' })).secret}`;
  await db.destroy();
  const child = await startChild(
    { ...store.env, LIVE_MAX_CONNECTIONS: String(count + 10), LIVE_MAX_CONNECTIONS_PER_IP: String(count + 10), LIVE_HEARTBEAT_MS: String(HEARTBEAT_MS) },
    { dropStore: store.drop, retainLines: false },
  );
  const pid = child.process.pid!;
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${child.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: key }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  let n = 0;
  /** Publishes a correction; resolves with when it was sent. */
  const correct = async () => {
    const x = (await gql(`{ explainer(slug: "${SLUG}", preview: true) { id version } }`)).explainer;
    const sent = performance.now();
    await gql('mutation($x: ID!, $v: Int!, $text: String!) { addCorrection(explainer: $x, expectedVersion: $v, text: $text) { text } }', { x: x.id, v: x.version, text: `Bench correction ${++n}.` });
    return sent;
  };
  /** Waits until every stream heard the event, or 30 s; returns the ms from sent to the first and last. */
  const reach = async (streams: Stream[], sent: number) => {
    const deadline = performance.now() + 30_000;
    while (streams.some((s) => s.heard === undefined) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    const heard = streams.map((s) => s.heard).filter((at): at is number => at !== undefined);
    const firstMs = Math.min(...heard) - sent;
    const lastMs = Math.max(...heard) - sent;
    return { reached: heard.length, firstMs, lastMs, spreadMs: lastMs - firstMs };
  };
  const results: Record<string, unknown> = { streams: count, heartbeatMs: HEARTBEAT_MS };
  try {
    // Warm: the first publish of a process pays for what it loads once.
    step('warming up');
    await correct();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idleWindow = HEARTBEAT_MS + 5_000;

    step('one stream (baseline)');
    const one = await openStreams(child.url, 1);
    const single = await reach(one, await correct());
    results.baseline = { description: 'one stream', ...single };
    for (const s of one) s.req.destroy();

    let cpu = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const idleCpuWithout = (cpuSeconds(pid) - cpu) / 10;
    const baseRss = child.rssMb();

    step(`opening ${count} streams`);
    const opening = performance.now();
    const streams = await openStreams(child.url, count);
    const openedIn = performance.now() - opening;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rss = child.rssMb();

    step(`idling ${idleWindow / 1000} s`);
    cpu = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, idleWindow));
    const idleCpu = (cpuSeconds(pid) - cpu) / (idleWindow / 1000);

    step('one correction to every stream');
    // The server logs how long writing the event to its streams took; log lines are not kept, so listen first.
    const logged = child.waitForLine((line) => line.msg === 'live: release sent' && line.streams === count);
    const sent = await correct();
    const all = await reach(streams, sent);
    const written = await logged;
    results.idle = {
      openedInMs: Math.round(openedIn),
      rssBeforeMb: Math.round(baseRss),
      rssMb: Math.round(rss),
      rssPerStreamKb: Math.round(((rss - baseRss) * 1024 * 10) / count) / 10,
      cpuWithoutStreamsPercent: Math.round(idleCpuWithout * 1000) / 10,
      cpuIdleWithStreamsPercent: Math.round(idleCpu * 1000) / 10,
      idleWindowMs: idleWindow,
    };
    results.fanOut = { ...all, serverWriteMs: written.ms as number, ratioToBaseline: Math.round((all.lastMs / single.lastMs) * 10) / 10 };
    for (const s of streams) s.req.destroy();
  } finally {
    await child.cleanup();
  }
  const idle = results.idle as Record<string, number>;
  const fan = results.fanOut as Record<string, number>;
  const base = results.baseline as Record<string, number>;
  console.log(`[bench] live: ${count} idle streams opened in ${idle.openedInMs} ms; RSS ${idle.rssBeforeMb} -> ${idle.rssMb} MB, ${idle.rssPerStreamKb} KB per stream`);
  console.log(`[bench] live: CPU while idle ${idle.cpuIdleWithStreamsPercent}% of a core over ${idle.idleWindowMs / 1000} s (one heartbeat to every stream), ${idle.cpuWithoutStreamsPercent}% with no stream`);
  console.log(
    `[bench] live: one correction reached ${fan.reached}/${count} streams, the first ${fan.firstMs.toFixed(0)} ms and the last ${fan.lastMs.toFixed(0)} ms after it was sent ` +
      `(from the first stream to the last: ${fan.spreadMs.toFixed(0)} ms; the server wrote it to all of them in ${fan.serverWriteMs} ms); ` +
      `to one stream (baseline) ${base.lastMs.toFixed(0)} ms (${fan.ratioToBaseline}x)`,
  );
  const root = join(__dirname, '../..');
  mkdirSync(join(root, 'dist/bench'), { recursive: true });
  writeFileSync(join(root, 'dist/bench/live.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error) => {
  console.error('[bench] live failed', error);
  process.exitCode = 1;
});
