import { Pool } from 'pg';
import { databases, testDatabaseUrl } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';
import { contextBoxHash, persistedGet } from '../setup/persisted';

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

  it('answers a malformed persisted-query extension with 400 BAD_REQUEST, never INTERNAL_SERVER_ERROR', async () => {
    for (const extensions of ['{"persistedQuery":{"sha256Hash":5}}', '{"persistedQuery":null}', '{"persistedQuery":{"sha256Hash":"abc"}}', '[1]', '{']) {
      const response = await fetch(`${t.url}/graphql?operationName=ContextBox&extensions=${encodeURIComponent(extensions)}`);
      expect([extensions, response.status, (await response.json()).errors[0].extensions.code]).toEqual([extensions, 400, 'BAD_REQUEST']);
    }
    const post = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 5 } } }) });
    // Apollo's automatic persisted queries are off: a POST naming a hash is told so, as Apollo's clients expect.
    expect((await post.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('keeps a response per Accept: each client gets the content type it asked for', async () => {
    const path = persistedGet({ explainer: 'what-is-isis-k', locale: 'en', variant: 'accept' });
    const types: Array<string | null> = [];
    for (const accept of ['application/graphql-response+json', 'application/json', 'application/graphql-response+json', 'application/json']) {
      const response = await fetch(`${t.url}${path}`, { headers: { accept } });
      expect(response.status).toBe(200);
      types.push(response.headers.get('content-type'));
    }
    expect(types).toEqual(['application/graphql-response+json; charset=utf-8', 'application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8', 'application/json; charset=utf-8']);
  });

  it('sends gzip to a client that takes it, with its own ETag', async () => {
    const path = persistedGet({ explainer: 'what-is-isis-k' });
    const plain = await fetch(`${t.url}${path}`, { headers: { 'accept-encoding': 'identity' } });
    const zipped = await fetch(`${t.url}${path}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    expect(await zipped.json()).toEqual(await plain.json());
  });

  it('sends Cache-Control and a strong ETag, and answers If-None-Match with 304', async () => {
    const path = persistedGet({ explainer: 'what-is-isis-k', locale: 'en' });
    const first = await fetch(`${t.url}${path}`);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
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

  it('shows a correction, an unpublish and a published entity edit on the very next request, and an unpublished edit never', async () => {
    const keys = await keysFor(t);
    const path = persistedGet({ explainer: 'what-is-isis-k' });
    const box = async () => (await (await fetch(`${t.url}${path}`)).json()).data.contextBox;
    const before = await box();
    expect(before.corrections).toEqual([]);
    const x = (await ok(t, '{ explainer(slug: "what-is-isis-k") { id version subject { id version } } }', {}, {})).explainer;

    await ok(t, 'mutation($x: ID!, $v: Int!) { addCorrection(explainer: $x, expectedVersion: $v, text: "Corrected the founding date.") { text } }', { x: x.id, v: x.version }, keys.publisher);
    expect((await box()).corrections.map((c: any) => c.text)).toEqual(['Corrected the founding date.']);

    await ok(t, 'mutation($id: ID!, $v: Int!) { updateEntity(id: $id, expectedVersion: $v, input: { description: "Edited description." }) { id } }', { id: x.subject.id, v: x.subject.version }, keys.editor);
    expect((await box()).subject.description).toBe(before.subject.description);
    await ok(t, 'mutation($id: ID!) { publishEntity(id: $id) { id } }', { id: x.subject.id }, keys.publisher);
    expect((await box()).subject.description).toBe('Edited description.');

    await ok(t, 'mutation($x: ID!, $v: Int!) { unpublishExplainer(id: $x, expectedVersion: $v) { status } }', { x: x.id, v: x.version + 1 }, keys.publisher);
    expect(await box()).toBeNull();
    await ok(t, 'mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { status } }', { x: x.id, v: x.version + 2 }, keys.publisher);
    expect((await box()).question).toBe('What is ISIS-K?');
  });
});

(databases.includes('postgres') ? describe : describe.skip)('a response computed while a write lands (postgres)', () => {
  it('is not kept: the request after the write computes afresh', async () => {
    let onStatement: (() => void) | undefined;
    const t = await startApp('postgres', {}, { onQuery: () => onStatement?.() });
    const admin = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    try {
      const keys = await keysFor(t);
      // An entity no explainer is about or mentions: its box is executed, never kept, and publishing it renders no kept box.
      const entity = (
        await ok(t, 'mutation { createEntity(input: { slug: "held-read", kind: OTHER, name: "Held Read", description: "Before.", summary: "s", aliases: ["HeldRead"] }) { id } }', {}, keys.editor)
      ).createEntity;
      await ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: entity.id }, keys.publisher);
      const { version } = (await ok(t, '{ entity(slug: "held-read", preview: true) { version } }', {}, keys.editor)).entity;
      const path = persistedGet({ entity: 'Held Read' });

      // Hold the read at the mentions it looks for after the entity, which the entity's edit and publish never touch.
      const locker = await admin.connect();
      await locker.query('begin');
      await locker.query(`lock table "${t.app.config.databaseSchema}".released_mentions in access exclusive mode`);
      const started = new Promise<void>((resolve) => (onStatement = resolve));
      const read = fetch(`${t.url}${path}`);
      await started;
      onStatement = undefined;
      await ok(t, 'mutation($id: ID!, $v: Int!) { updateEntity(id: $id, expectedVersion: $v, input: { description: "Edited while a read ran." }) { id } }', { id: entity.id, v: version }, keys.editor);
      // The publish must land while the read is held; were it to wait on the held table, the lock goes and the test fails.
      const published = ok(t, 'mutation($id: ID!) { publishEntity(id: $id) { id } }', { id: entity.id }, keys.publisher).then(() => 'published');
      const landed = await Promise.race([published, new Promise((resolve) => setTimeout(() => resolve('waited on the held table'), 10_000))]);
      await locker.query('commit');
      locker.release();
      await published;
      expect(landed).toBe('published');
      expect((await read).status).toBe(200);

      const next = await fetch(`${t.url}${path}`);
      expect(next.headers.get('x-cache')).toBe('miss');
      expect((await next.json()).data.contextBox.subject.description).toBe('Edited while a read ran.');
      expect((await fetch(`${t.url}${path}`)).headers.get('x-cache')).toBe('hit');
    } finally {
      await admin.end();
      await t.close();
    }
  });
});
