/**
 * Several Backstory processes on one PostgreSQL, as replicas behind a load balancer run: what one
 * of them writes, the others' caches drop, and they count rate limits together.
 */
import { Pool } from 'pg';
import pino from 'pino';
import { type App, createApp } from '../../api';
import { testDatabaseUrl } from '../setup/databases';
import { describeOnPostgres } from '../setup/requirements';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';
import { persistedGet } from '../setup/persisted';

describeOnPostgres('replicas on one store (postgres)', () => {
  const database = 'postgres';
  let a: TestApp;
  let b: App;
  let bUrl: string;
  beforeAll(async () => {
    a = await startApp(database, { mutationsPerMinute: 20 });
    b = await createApp(
      {
        nodeEnv: 'test',
        databaseUrl: a.app.config.databaseUrl,
        databaseSchema: a.app.config.databaseSchema,
        mutationsPerMinute: 20,
        schedulerIntervalMs: 3_600_000,
      },
      { logger: pino({ level: 'silent' }) },
    );
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

  it('drops on both replicas only what a publish changed: publishing A leaves B hot everywhere', async () => {
    const keys = await keysFor(a);
    const other = (
      await ok(a, 'mutation { createExplainer(input: { slug: "replica-b", title: "What is B?", headline: "B", summary: "B." }) { id } }', {}, keys.editor)
    ).createExplainer;
    await ok(a, 'mutation($x: ID!) { publishExplainer(id: $x, expectedVersion: 1) { id } }', { x: other.id }, keys.publisher);
    const cache = async (base: string, slug: string) => (await fetch(`${base}${persistedGet({ explainer: slug })}`)).headers.get('x-cache');
    const bases = [a.url, bUrl];
    for (const base of bases) for (const slug of ['what-is-isis-k', 'replica-b']) await cache(base, slug);
    for (const base of bases) expect([await cache(base, 'what-is-isis-k'), await cache(base, 'replica-b')]).toEqual(['hit', 'hit']);

    await ok(a, 'mutation($x: ID!) { publishExplainer(id: $x, expectedVersion: 2) { id } }', { x: other.id }, keys.publisher);
    // B hears of it a moment later; then B's copy of replica-b is gone and what-is-isis-k is still hot.
    let seen = await cache(bUrl, 'replica-b');
    for (let i = 0; i < 100 && seen === 'hit'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await cache(bUrl, 'replica-b');
    }
    expect(seen).toBe('miss');
    for (const base of bases) expect(await cache(base, 'what-is-isis-k')).toBe('hit');
  });

  it('stops serving a box on every replica the moment its explainer is unpublished, and the other replica keeps its box', async () => {
    const keys = await keysFor(a);
    const created = (
      await ok(a, 'mutation { createExplainer(input: { slug: "withdrawn-box", title: "What is withdrawn?", headline: "W", summary: "W." }) { id } }', {}, keys.editor)
    ).createExplainer;
    await ok(a, 'mutation($x: ID!) { publishExplainer(id: $x, expectedVersion: 1) { id } }', { x: created.id }, keys.publisher);
    const box = async (base: string, locale?: string) => {
      const response = await fetch(`${base}${persistedGet(locale ? { explainer: 'withdrawn-box', locale } : { explainer: 'withdrawn-box' })}`, { headers: { accept: '*/*' } });
      return { cache: response.headers.get('x-cache'), question: (await response.json()).data.contextBox?.question ?? null };
    };
    // B reads it from the boxes A rendered when it published, then from its own cache.
    expect(await box(bUrl)).toEqual({ cache: 'miss', question: 'What is withdrawn?' });
    expect(await box(bUrl)).toEqual({ cache: 'hit', question: 'What is withdrawn?' });

    await ok(a, 'mutation($x: ID!) { unpublishExplainer(id: $x, expectedVersion: 2) { id } }', { x: created.id }, keys.publisher);
    // A box never read before is gone from the store at once; B's cached copy as soon as B hears of the commit.
    expect(await box(bUrl, 'fr')).toEqual({ cache: 'miss', question: null });
    let seen = await box(bUrl);
    for (let i = 0; i < 100 && seen.question !== null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await box(bUrl);
    }
    expect(seen.question).toBeNull();
    expect((await box(a.url)).question).toBeNull();
  });

  it('fires a scheduled publish exactly once when both replicas look at the same moment', async () => {
    const keys = await keysFor(a);
    for (let round = 0; round < 3; round++) {
      const created = (
        await ok(a, `mutation { createExplainer(input: { slug: "scheduled-${round}", title: "S?", headline: "S", summary: "S." }) { id } }`, {}, keys.editor)
      ).createExplainer;
      await ok(a, 'mutation($x: ID!) { schedulePublish(id: $x, expectedVersion: 1, at: "2020-01-01T00:00:00Z") { id } }', { x: created.id }, keys.publisher);
      const fired = await Promise.all([a.app.publishDue(), b.publishDue()]);
      expect(fired.reduce((sum, n) => sum + n, 0)).toBe(1);
      const seen = (await ok(a, `{ explainer(slug: "scheduled-${round}") { releases { number } } }`, {}, {})).explainer;
      expect(seen.releases).toEqual([{ number: 1 }]);
    }
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
      await ok(a, 'mutation($id: ID!) { publishEntity(id: $id) { id } }', { id: subject.id }, keys.publisher);
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

  it('counts one key\'s mutations on every replica together', async () => {
    const keys = await keysFor(a);
    const create = async (url: string, slug: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...keys.editor },
        body: JSON.stringify({ query: 'mutation($s: String!) { createSource(input: { slug: $s, kind: REPORT, name: "Counted" }) { id } }', variables: { s: slug } }),
      });
      return { status: response.status, code: (await response.json()).errors?.[0]?.extensions?.code as string | undefined };
    };
    // Twenty a minute for the key: ten through each replica are all it gets.
    for (let i = 0; i < 10; i++) {
      expect(await create(a.url, `counted-a-${i}`)).toEqual({ status: 200, code: undefined });
      expect(await create(bUrl, `counted-b-${i}`)).toEqual({ status: 200, code: undefined });
    }
    expect(await create(bUrl, 'one-too-many-b')).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(await create(a.url, 'one-too-many-a')).toEqual({ status: 429, code: 'RATE_LIMITED' });
  });
});
