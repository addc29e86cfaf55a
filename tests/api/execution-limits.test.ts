import { sql } from 'kysely';
import { openDatabase, publicReads } from '../../api/store/dialect';
import { databases, testDatabaseUrl } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor } from '../setup/editorial';
import { persistedGet } from '../setup/persisted';

// Many fields over several waves of statements: far longer than a millisecond on any machine.
const wide = '{ explainers(first: 100) { nodes { title sections { heading text mentions { entity { name description } } } } } }';

describe.each(databases)('a request that runs out of time (%s)', (database) => {
  let t: TestApp;
  let unhurried: TestApp;
  beforeAll(async () => {
    t = await startApp(database, { requestTimeoutMs: 1 });
    unhurried = await startApp(database);
  });
  afterAll(async () => {
    await t.close();
    await unhurried.close();
  });

  it('is stopped between resolvers and answered 503 TIMEOUT with Retry-After, and nothing else', async () => {
    unhurried.statements.reset();
    expect((await unhurried.gql(wide)).body.errors).toBeUndefined();
    const whole = unhurried.statements.count;

    t.statements.reset();
    const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: wide }) });
    const body = await response.json();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(body).toEqual({ errors: [{ message: 'the request took longer than 1 ms', extensions: { code: 'TIMEOUT' } }] });
    // The work stopped: not every wave of statements ran.
    expect(t.statements.count).toBeLessThan(whole);
  });

  it('stops a keyed request too', async () => {
    const keys = await keysFor(unhurried);
    expect((await unhurried.gql(wide, {}, keys.editor)).status).toBe(200);
    const key = await keysFor(t);
    expect((await t.gql(wide, {}, key.editor)).body.errors![0].extensions!.code).toBe('TIMEOUT');
  });
});

describe.each(databases)('a response over MAX_RESPONSE_BYTES (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(database, { maxResponseBytes: 8_000 });
  });
  afterAll(() => t.close());

  it('is refused with 413 RESPONSE_TOO_LARGE while it is being built, a persisted GET as any other', async () => {
    const post = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: wide }) });
    expect(post.status).toBe(413);
    expect(await post.json()).toEqual({ errors: [{ message: 'the response would be larger than 8000 bytes: ask for fewer items or fields', extensions: { code: 'RESPONSE_TOO_LARGE', limit: 8000 } }] });
    const get = await fetch(`${t.url}${persistedGet({ explainer: 'what-is-isis-k' })}`);
    expect(get.status).toBe(413);
    expect((await get.json()).errors[0].extensions.code).toBe('RESPONSE_TOO_LARGE');
    // A small answer is unaffected.
    expect((await t.gql('{ explainer(slug: "what-is-isis-k") { title } }')).body.data.explainer.title).toBe('What is ISIS-K?');
  });
});

(databases.includes('postgres') ? describe : describe.skip)('public reads on PostgreSQL', () => {
  it('run under a statement_timeout of their own transaction, which leaves the store’s setting alone', async () => {
    const db = await openDatabase({ databaseUrl: testDatabaseUrl(), sqlitePath: ':memory:' });
    try {
      const before = (await sql<{ statement_timeout: string }>`show statement_timeout`.execute(db)).rows[0].statement_timeout;
      const reads = await publicReads(db, 50);
      expect((await sql<{ statement_timeout: string }>`show statement_timeout`.execute(reads.db)).rows[0].statement_timeout).toBe('50ms');
      await expect(sql`select pg_sleep(2)`.execute(reads.db)).rejects.toMatchObject({ code: '57014' });
      await reads.release();
      expect((await sql<{ statement_timeout: string }>`show statement_timeout`.execute(db)).rows[0].statement_timeout).toBe(before);
      await expect(sql`select pg_sleep(0.1)`.execute(db)).resolves.toBeDefined();
    } finally {
      await db.destroy();
    }
  });
});
