import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import pino from 'pino';
import { type App, createApp } from '../../api';
import { databases, testDatabaseUrl } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';

/** The operations the widget build persisted (npm test builds first). */
const manifest = JSON.parse(readFileSync(join(__dirname, '../../dist/widgets/persisted-operations.json'), 'utf8')) as Record<string, string>;
const contextBoxHash = Object.keys(manifest).find((hash) => manifest[hash].includes('query ContextBox'))!;

const persistedGet = (variables: Record<string, unknown>, hash = contextBoxHash) =>
  `/graphql?operationName=ContextBox&variables=${encodeURIComponent(JSON.stringify(variables))}&extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`;

describe.each(databases)('the public read path (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(database, { cacheControl: 'public, max-age=60, s-maxage=300, stale-while-revalidate=600' });
  });
  afterAll(() => t.close());

  it('answers a persisted GET, by hash and variables alone, from any origin without a preflight', async () => {
    const response = await fetch(`${t.url}${persistedGet({ explainer: 'what-is-isis-k' })}`, { headers: { origin: 'https://news.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await response.json()).data.contextBox.question).toBe('What is ISIS-K?');
  });

  it('refuses a hash nobody persisted, and keeps CSRF prevention for every other GET', async () => {
    const unknown = await fetch(`${t.url}${persistedGet({ explainer: 'what-is-isis-k' }, 'f'.repeat(64))}`);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const adhoc = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ explainer(slug: "what-is-isis-k") { title } }')}`);
    expect(adhoc.status).toBe(400);
  });

  it('sends Cache-Control and a strong ETag, and answers If-None-Match with 304', async () => {
    const path = persistedGet({ explainer: 'what-is-isis-k', locale: 'en' });
    const first = await fetch(`${t.url}${path}`);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const again = await fetch(`${t.url}${path}`);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('x-cache')).toBe('hit');
    const revalidated = await fetch(`${t.url}${path}`, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });

  it('serves cached responses without touching the database', async () => {
    const path = persistedGet({ entity: 'ISKP' });
    await fetch(`${t.url}${path}`);
    t.statements.reset();
    for (let i = 0; i < 5; i++) expect((await fetch(`${t.url}${path}`)).status).toBe(200);
    expect(t.statements.count).toBe(0);
  });

  it('makes a response that depends on a key private, no-store, and never caches it', async () => {
    const keys = await keysFor(t);
    const response = await fetch(`${t.url}${persistedGet({ explainer: 'what-is-isis-k' })}`, { headers: keys.editor });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('etag')).toBeNull();
    const post = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(post.headers.get('cache-control')).toBe('no-store');
  });

  it('shows a correction, an unpublish and an entity edit on the very next request', async () => {
    const keys = await keysFor(t);
    const path = persistedGet({ explainer: 'what-is-isis-k' });
    const box = async () => (await (await fetch(`${t.url}${path}`)).json()).data.contextBox;
    const before = await box();
    expect(before.corrections).toEqual([]);
    const x = (await ok(t, '{ explainer(slug: "what-is-isis-k") { id version subject { id version } } }', {}, {})).explainer;

    await ok(t, 'mutation($x: ID!, $v: Int!) { addCorrection(explainer: $x, expectedVersion: $v, text: "Corrected the founding date.") { text } }', { x: x.id, v: x.version }, keys.publisher);
    expect((await box()).corrections.map((c: any) => c.text)).toEqual(['Corrected the founding date.']);

    await ok(t, 'mutation($id: ID!, $v: Int!) { updateEntity(id: $id, expectedVersion: $v, input: { description: "Edited description." }) { id } }', { id: x.subject.id, v: x.subject.version }, keys.editor);
    expect((await box()).subject.description).toBe('Edited description.');

    await ok(t, 'mutation($x: ID!, $v: Int!) { unpublishExplainer(id: $x, expectedVersion: $v) { status } }', { x: x.id, v: x.version + 1 }, keys.publisher);
    expect(await box()).toBeNull();
    await ok(t, 'mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { status } }', { x: x.id, v: x.version + 2 }, keys.publisher);
    expect((await box()).question).toBe('What is ISIS-K?');
  });
});

describe.each(databases.filter((database) => database === 'postgres'))('replicas on one store (%s)', (database) => {
  let a: TestApp;
  let b: App;
  let bUrl: string;
  beforeAll(async () => {
    a = await startApp(database);
    b = await createApp({ nodeEnv: 'test', databaseUrl: a.app.config.databaseUrl, databaseSchema: a.app.config.databaseSchema }, { logger: pino({ level: 'silent' }) });
    bUrl = await b.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('drops what one replica cached when another commits a change', async () => {
    const path = persistedGet({ explainer: 'what-is-isis-k' });
    const fromB = async () => {
      const response = await fetch(`${bUrl}${path}`);
      return { cache: response.headers.get('x-cache'), corrections: (await response.json()).data.contextBox.corrections.map((c: any) => c.text) };
    };
    await fromB();
    expect(await fromB()).toEqual({ cache: 'hit', corrections: [] });

    const keys = await keysFor(a);
    const x = (await ok(a, '{ explainer(slug: "what-is-isis-k") { id version } }', {}, {})).explainer;
    await ok(a, 'mutation($x: ID!, $v: Int!) { addCorrection(explainer: $x, expectedVersion: $v, text: "Corrected on replica A.") { text } }', { x: x.id, v: x.version }, keys.publisher);

    // B hears of the commit through PostgreSQL, a moment later: poll for it (the test fails if it never comes).
    let seen = await fromB();
    for (let i = 0; i < 100 && seen.corrections.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await fromB();
    }
    expect(seen.corrections).toEqual(['Corrected on replica A.']);
  });

  it('counts a lost change feed as a change, misses nothing while it is down, and hears changes again once it is back', async () => {
    const path = persistedGet({ entity: 'ISKP' });
    const feeds = `backstory-changes:${a.app.config.databaseSchema}`;
    const admin = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    const fromB = async () => {
      const response = await fetch(`${bUrl}${path}`);
      return { cache: response.headers.get('x-cache'), description: (await response.json()).data.contextBox.subject.description as string };
    };
    const eventually = async <T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
      let value = await probe();
      for (let i = 0; i < 100 && !done(value); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        value = await probe();
      }
      return value;
    };
    const edit = async (description: string) => {
      const subject = (await ok(a, '{ entity(name: "ISKP") { id version } }', {}, {})).entity;
      await ok(a, 'mutation($id: ID!, $v: Int!, $d: String!) { updateEntity(id: $id, expectedVersion: $v, input: { description: $d }) { id } }', { id: subject.id, v: subject.version, d: description }, keys.editor);
    };
    const keys = await keysFor(a);
    try {
      await fromB();
      expect((await fromB()).cache).toBe('hit');

      // Cut both replicas' change feeds, as a PostgreSQL restart or a network blip would.
      const cut = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [feeds]);
      expect(cut.rowCount).toBe(2);
      expect((await eventually(fromB, (seen) => seen.cache !== 'hit')).cache).toBe('miss');

      // A change made while the feeds are down still reaches B: getting the feed back counts as a change.
      await edit('Edited while the feeds were down.');
      expect((await eventually(fromB, (seen) => seen.description.startsWith('Edited while'))).description).toBe('Edited while the feeds were down.');

      // Both feeds are listening again, and the next change arrives through them.
      const listening = async () => Number((await admin.query('select count(*) from pg_stat_activity where application_name = $1', [feeds])).rows[0].count);
      expect(await eventually(listening, (n) => n === 2)).toBe(2);
      await fromB();
      expect((await fromB()).cache).toBe('hit');
      await edit('Edited once they were back.');
      expect((await eventually(fromB, (seen) => seen.description.startsWith('Edited once'))).description).toBe('Edited once they were back.');
    } finally {
      await admin.end();
    }
  });
});
