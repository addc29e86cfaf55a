import { sql } from 'kysely';
import pino from 'pino';
import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';

describe.each(databases)('errors (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(database);
  });
  afterAll(() => t.close());

  const badInput: Array<[string, string, Record<string, unknown>, string]> = [
    ['an empty slug', 'query($s: String!) { explainer(slug: $s) { title } }', { s: '' }, 'slug'],
    ['a 10,000-character slug', 'query($s: String!) { explainer(slug: $s) { title } }', { s: 'a'.repeat(10_000) }, 'slug'],
    ['a slug with spaces', 'query($s: String!) { explainer(slug: $s) { title } }', { s: 'what is isis k' }, 'slug'],
    ['first: 0', '{ explainers(first: 0) { nodes { title } } }', {}, 'first'],
    ['first: 1000', '{ entities(first: 1000) { nodes { name } } }', {}, 'first'],
    ['a malformed locale', '{ explainer(slug: "what-is-isis-k", locale: "en_US_x_123456789") { title } }', {}, 'locale'],
    ['a locale that is no language tag', '{ contextBox(explainer: "what-is-isis-k", locale: "<script>") { question } }', {}, 'locale'],
    ['a malformed id', '{ node(id: "not-an-id") { id } }', {}, 'id'],
    ['a well-formed base64 id of no type', '{ node(id: "Zm9vOmJhcg") { id } }', {}, 'id'],
    ['a malformed cursor', '{ explainers(after: "garbage") { nodes { title } } }', {}, 'after'],
    ['both explainer and entity', '{ contextBox(explainer: "what-is-isis-k", entity: "ISKP") { question } }', {}, 'explainer'],
    ['neither explainer nor entity', '{ contextBox { question } }', {}, 'explainer'],
    ['an unknown section', '{ contextBox(explainer: "what-is-isis-k", section: "nope") { question } }', {}, 'section'],
    ['an empty search', '{ search(query: "  ") { edges { score } } }', {}, 'query'],
    ['a search of punctuation', '{ search(query: "--!!") { edges { score } } }', {}, 'query'],
    ['two entity keys', '{ entity(slug: "isis-k", name: "ISKP") { name } }', {}, 'slug'],
  ];

  it.each(badInput)('answers %s with BAD_USER_INPUT naming the argument', async (_what, query, variables, argument) => {
    const { status, body } = await t.gql(query, variables);
    expect(status).toBe(200);
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    expect(error.message.startsWith(`${argument}: `)).toBe(true);
    expect(error.message.length).toBeLessThan(200);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('answers null, not an error, for an unknown slug', async () => {
    const { body } = await t.gql('{ explainer(slug: "what-is-al-shabaab") { title } contextBox(explainer: "what-is-al-shabaab") { question } }');
    expect(body).toEqual({ data: { explainer: null, contextBox: null } });
  });

  it('answers a query that does not validate with GRAPHQL_VALIDATION_FAILED and status 400', async () => {
    const { status, body } = await t.gql('{ explainer(slug: "what-is-isis-k") { nonsense } }');
    expect(status).toBe(400);
    expect(body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace/);
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
  });
});

describe('errors in development mode', () => {
  it('carry a stack trace only when NODE_ENV=development', async () => {
    const dev = await startApp('sqlite', { nodeEnv: 'development' });
    try {
      const { body } = await dev.gql('{ node(id: "x") { id } }');
      expect(body.errors![0].extensions!.stacktrace).toEqual(expect.any(Array));
    } finally {
      await dev.close();
    }
  });
});

describe.each(databases)('an error nobody planned for (%s)', (database) => {
  it('reaches the client as INTERNAL_SERVER_ERROR, without its message, and is logged', async () => {
    const logged: Array<{ level: number; msg: string; err?: { message: string } }> = [];
    const t = await startApp(database, {}, { logger: pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) }) });
    try {
      // A store the code no longer matches: its statements fail with the database's own message.
      await sql`alter table released_corrections rename to corrections_moved`.execute(t.app.db);
      const { status, body } = await t.gql('{ explainer(slug: "what-is-isis-k") { title corrections { text } } }');
      expect(status).toBe(200);
      expect(body.errors).toEqual([{ message: 'Internal server error', path: ['explainer', 'corrections'], locations: expect.any(Array), extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(JSON.stringify(body)).not.toMatch(/corrections_moved|no such table|relation|stacktrace/);
      expect(logged.filter((line) => line.level >= 50).map((line) => line.msg)).toContain('resolver failed');
    } finally {
      await t.close();
    }
  });
});
