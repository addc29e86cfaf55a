/**
 * npm run soak: Backstory in a process of its own under mixed reads, writes and publishes for
 * SOAK_SECONDS (30 minutes by default), on SOAK_DATABASE (sqlite, or postgres at TEST_DATABASE_URL).
 * Samples the server's RSS every 10 s; prints the samples, RSS growth and the count of each kind of
 * error. Not part of npm test.
 */
import { openDatabase } from '../../api/store/dialect';
import { createKey } from '../../api/store/key.store';
import { migrateToLatest } from '../../api/store/migrate';
import { persistedGet } from '../setup/persisted';
import { seededRandom } from '../setup/random';
import { childStore, startChild } from './child';

const seconds = Number(process.env.SOAK_SECONDS ?? 1800);
const database = process.env.SOAK_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

async function main(): Promise<void> {
  const store = childStore(database);
  const db = await openDatabase({ databaseUrl: store.env.DATABASE_URL, databaseSchema: store.env.DATABASE_SCHEMA, sqlitePath: store.env.SQLITE_PATH ?? ':memory:' });
  await migrateToLatest(db);
  const publisher = `Bearer ${(await createKey(db, { name: 'soak', role: 'publisher' })).secret}`;
  await db.destroy();
  const child = await startChild({ ...store.env, MUTATIONS_PER_MINUTE: '1000000' }, { dropStore: store.drop, retainLines: false });
  const random = seededRandom(30);
  const counts: Record<string, number> = {};
  const count = (what: string) => (counts[what] = (counts[what] ?? 0) + 1);
  const gql = async (query: string, variables: Record<string, unknown>, key?: string) => {
    const response = await fetch(`${child.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: key } : {}) }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
    if (response.status >= 500) count(`http ${response.status}`);
    for (const error of body.errors ?? []) count(`error ${error.extensions?.code}`);
    return body;
  };

  const operations: Array<[number, () => Promise<unknown>]> = [
    [40, async () => {
      const response = await fetch(`${child.url}${persistedGet({ explainer: 'what-is-isis-k', locale: random() < 0.5 ? 'en' : undefined })}`);
      if (response.status >= 500) count(`http ${response.status}`);
      await response.arrayBuffer();
    }],
    [20, () => gql('query($s: String!) { explainer(slug: $s) { title sections { heading html mentions { entity { name } } } } }', { s: 'what-is-isis-k' })],
    [15, () => gql('query($q: String!) { search(query: $q) { edges { node { __typename } } } }', { q: ['isis', 'taliban', 'khorasan', 'kabul airport'][Math.floor(random() * 4)] })],
    [15, async () => {
      const slug = `soak-${Date.now().toString(36)}-${Math.floor(random() * 1e9).toString(36)}`;
      const created = await gql('mutation($i: CreateEntityInput!) { createEntity(input: $i) { id version } }', { i: { slug, kind: 'ORGANIZATION', name: `Soak ${slug}`, aliases: [`Alias ${slug}`], description: 'A soak entity.', summary: 'Written by npm run soak.' } }, publisher);
      const entity = created.data?.createEntity;
      if (entity) await gql('mutation($id: ID!, $v: Int!) { updateEntity(id: $id, expectedVersion: $v, input: { description: "Edited by npm run soak." }) { version } }', { id: entity.id, v: entity.version }, publisher);
    }],
    [10, async () => {
      const x = (await gql('{ explainer(slug: "what-is-isis-k", preview: true) { id version status } }', {}, publisher)).data?.explainer;
      if (!x) return;
      const mutation = x.status === 'PUBLISHED' ? 'unpublishExplainer' : 'publishExplainer';
      await gql(`mutation($id: ID!, $v: Int!) { ${mutation}(id: $id, expectedVersion: $v) { status } }`, { id: x.id, v: x.version }, publisher);
    }],
  ];
  const total = operations.reduce((sum, [weight]) => sum + weight, 0);
  const pickOperation = () => {
    let r = random() * total;
    for (const [weight, run] of operations) if ((r -= weight) < 0) return run;
    return operations[0][1];
  };

  const samples: Array<{ s: number; rssMb: number; requests: number }> = [];
  let requests = 0;
  const started = Date.now();
  const until = started + seconds * 1000;
  const sample = () => samples.push({ s: Math.round((Date.now() - started) / 1000), rssMb: Math.round(child.rssMb()), requests });
  sample();
  const sampler = setInterval(() => {
    sample();
    const last = samples.at(-1)!;
    console.log(`[soak] ${last.s} s: RSS ${last.rssMb} MB, ${last.requests} requests`);
  }, 10_000);
  const worker = async () => {
    while (Date.now() < until) {
      try {
        await pickOperation()();
      } catch (error) {
        count(`client ${(error as Error).message}`);
      }
      requests++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  clearInterval(sampler);
  sample();
  const first = samples[0].rssMb;
  const afterWarmup = samples[Math.min(samples.length - 1, 6)].rssMb;
  const last = samples.at(-1)!.rssMb;
  const unexpected = Object.entries(counts).filter(([what]) => !/CONFLICT|RATE_LIMITED/.test(what));
  console.log(JSON.stringify({ database, seconds, requests, rssMb: { start: first, afterOneMinute: afterWarmup, end: last, peak: Math.max(...samples.map((s) => s.rssMb)), growthAfterOneMinute: last - afterWarmup }, errors: counts, unexpected: Object.fromEntries(unexpected) }, null, 2));
  await child.cleanup();
  process.exit(unexpected.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
