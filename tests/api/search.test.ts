/**
 * Search as readers and the WordPress picker use it: scores that order the results, questions in
 * plain words, any alias, prefixes while typing, and entities found by a distinctive part of a name.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import { Pool } from 'pg';
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { keysFor, ok } from '../setup/editorial';

const EDGES = '{ edges { score node { __typename ... on Explainer { slug } ... on Entity { slug } } } pageInfo { hasNextPage endCursor } }';

describe.each(databases)('search (%s)', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp(database);
  }, 60_000);
  afterAll(() => t?.close());

  const search = async (query: string, first = 10) => (await ok(t, `query($q: String!) { search(query: $q, first: ${first}) ${EDGES} }`, { q: query }, {})).search;
  const slugs = (connection: any) => connection.edges.map((e: any) => `${e.node.__typename}:${e.node.slug}`);

  it('returns scores, best first, that tell a title from a passing mention', async () => {
    const { edges } = await search('ISIS-K');
    const scores = edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[0]).toBeGreaterThan(2 * scores.at(-1));
    expect(slugs({ edges }).slice(0, 2)).toEqual(['Explainer:what-is-isis-k', 'Entity:isis-k']);
  });

  it('answers a question when the document holds only some of its words', async () => {
    expect(slugs(await search('who founded ISIS-K'))[0]).toBe('Explainer:what-is-isis-k');
    expect(slugs(await search('Taliban rival of ISIS-K'))[0]).toBe('Explainer:what-is-isis-k');
    // "What is" would otherwise find every "What is ...?" explainer before the Afghan Taliban.
    expect(slugs(await search('what is the Afghan Taliban'))[0]).toBe('Entity:afghan-taliban');
    // "rival" is only in the Afghan Taliban's description: the explainer is found by its other words.
    expect(slugs(await search('Taliban rival'))).toEqual(expect.arrayContaining(['Entity:afghan-taliban', 'Explainer:what-is-isis-k']));
  });

  it('finds the explainer about an entity by any of its aliases', async () => {
    for (const alias of ['ISKP', 'ISK', 'what is ISKP', 'Islamic State Khorasan Province']) {
      expect(slugs(await search(alias))[0]).toBe('Explainer:what-is-isis-k');
    }
  });

  it('matches the last word as a prefix while it is typed', async () => {
    expect(slugs(await search('isi'))[0]).toBe('Explainer:what-is-isis-k');
    expect(slugs(await search('Kabul airp'))).toContain('Entity:kabul-airport-attack');
  });

  it('takes words that are operators to FTS5 or tsquery as words', async () => {
    for (const query of ['NOT', 'and or', 'NEAR ISIS', 'what is', '2015', 'a', 'Ïsis‑k*']) {
      const { body } = await t.gql('query($q: String!) { search(query: $q) { edges { score } } }', { q: query });
      expect(body.errors).toBeUndefined();
    }
    expect((await search('2015')).edges.length).toBeGreaterThan(0);
  });

  it('pages through the ranking with its cursors', async () => {
    const all = slugs(await search('ISIS-K', 20));
    const first = await search('ISIS-K', 3);
    const second = (await ok(t, `query($q: String!, $a: String!) { search(query: $q, first: 3, after: $a) ${EDGES} }`, { q: 'ISIS-K', a: first.pageInfo.endCursor }, {})).search;
    expect([...slugs(first), ...slugs(second)]).toEqual(all.slice(0, 6));
  });

  it('finds an entity by a distinctive part of its name, and none by an ambiguous one', async () => {
    const entity = async (name: string) => (await ok(t, 'query($n: String!) { entity(name: $n) { slug } }', { n: name }, {})).entity;
    expect(await entity('Khorasan')).toEqual({ slug: 'isis-k' });
    expect(await entity('Uzbekistan')).toEqual({ slug: 'islamic-movement-of-uzbekistan' });
    // Islamic State, ISIS-K and the Islamic Movement of Uzbekistan all hold "Islamic".
    expect(await entity('Islamic')).toBeNull();
    expect(await entity('Zanzibar')).toBeNull();
  });

  it('lists candidates for a name with entities(search:), bounded by first', async () => {
    const entities = async (q: string, first: number, after?: string) =>
      (await ok(t, 'query($q: String!, $f: Int!, $a: String) { entities(search: $q, first: $f, after: $a) { nodes { slug } pageInfo { hasNextPage endCursor } } }', { q, f: first, a: after }, {})).entities;
    const islamic = await entities('Islamic', 2);
    expect(islamic.nodes.map((n: any) => n.slug)).toEqual(expect.arrayContaining(['islamic-state']));
    expect(islamic.nodes).toHaveLength(2);
    expect(islamic.pageInfo.hasNextPage).toBe(true);
    const rest = await entities('Islamic', 10, islamic.pageInfo.endCursor);
    const all = [...islamic.nodes, ...rest.nodes].map((n: any) => n.slug);
    // Names holding the word come first; entities whose descriptions mention it follow.
    expect(all.slice(0, 3).sort()).toEqual(['isis-k', 'islamic-movement-of-uzbekistan', 'islamic-state']);
    expect(all.slice(3)).toContain('iraq');
    expect(new Set(all).size).toBe(all.length);
    // As typed: ISIS (Islamic State) and ISIS-K both begin with it.
    expect((await entities('isi', 2)).nodes.map((n: any) => n.slug).sort()).toEqual(['isis-k', 'islamic-state']);
  });

  it('rejects an entities search without words, or with kind as well', async () => {
    const { body } = await t.gql('{ entities(search: "--") { nodes { slug } } }');
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'search' });
    const both = await t.gql('{ entities(search: "Taliban", kind: ORGANIZATION) { nodes { slug } } }');
    expect(both.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'kind' });
  });
});

describe.each(databases)('search documents from an older indexing (%s)', (database) => {
  it('are indexed again at start', async () => {
    const first = await startApp(database);
    const config = first.app.config;
    // What the split migration leaves: every word in title and body, nothing in the new columns.
    await sql`update search_documents set title = title || ' ' || body, aliases = '', summary = '', headings = '', format = 0`.execute(first.app.db);
    await first.app.close();
    const second = await startApp(database, { databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, sqlitePath: config.sqlitePath });
    try {
      const stale = await second.app.db.selectFrom('search_documents').select('doc_id').where('format', '=', 0).execute();
      expect(stale).toEqual([]);
      const keys = await keysFor(second);
      const hits = (await ok(second, '{ search(query: "ISKP", preview: true) { edges { node { ... on Explainer { slug } } } } }', {}, keys.editor)).search.edges;
      expect(hits[0].node).toEqual({ slug: 'what-is-isis-k' });
      expect((await ok(second, '{ search(query: "ISKP") { edges { node { ... on Explainer { slug } } } } }', {}, {})).search.edges[0].node).toEqual({ slug: 'what-is-isis-k' });
    } finally {
      await second.close();
      if (config.databaseSchema) {
        const pool = new Pool({ connectionString: config.databaseUrl, max: 1 });
        await pool.query(`drop schema if exists "${config.databaseSchema}" cascade`);
        await pool.end();
      } else {
        rmSync(dirname(config.sqlitePath), { recursive: true, force: true });
      }
    }
  }, 60_000);
});
