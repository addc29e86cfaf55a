import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';

describe.each(databases)('listings and search (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(database);
  });
  afterAll(() => t.close());

  it('pages through every entity with cursors, in name order, without repeats', async () => {
    const all = (await t.gql('{ entities(first: 100) { nodes { name } pageInfo { hasNextPage } } }')).body.data.entities;
    expect(all.pageInfo.hasNextPage).toBe(false);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { body }: { body: any } = await t.gql('query($after: String) { entities(first: 5, after: $after) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }', { after });
      const connection: any = body.data.entities;
      seen.push(...connection.edges.map((e: any) => e.node.name));
      if (!connection.pageInfo.hasNextPage) break;
      after = String(connection.pageInfo.endCursor);
    }
    expect(seen).toEqual(all.nodes.map((n: any) => n.name));
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(23);
  });

  it('filters entities by kind', async () => {
    const { body } = await t.gql('{ entities(first: 100, kind: PERSON) { nodes { name } } }');
    expect(body.data.entities.nodes.map((n: any) => n.name)).toEqual(['Amira Jadoon', 'Andrew Mines']);
  });

  it('filters explainers by entity (about or mentioning, by slug or alias) and by text', async () => {
    const q = 'query($entity: String, $text: String) { explainers(entity: $entity, text: $text) { nodes { slug } } }';
    for (const entity of ['isis-k', 'ISKP', 'Amira Jadoon', 'Syria']) {
      expect((await t.gql(q, { entity })).body.data.explainers.nodes).toEqual([{ slug: 'what-is-isis-k' }]);
    }
    expect((await t.gql(q, { entity: 'Al-Shabaab' })).body.data.explainers.nodes).toEqual([]);
    expect((await t.gql(q, { text: 'caliphate beachhead' })).body.data.explainers.nodes).toEqual([{ slug: 'what-is-isis-k' }]);
    expect((await t.gql(q, { text: 'caliphate volcano' })).body.data.explainers.nodes).toEqual([]);
  });

  it('searches explainers and entities with the database\'s full-text index, prefixes and diacritics folded', async () => {
    const q = 'query($q: String!) { search(query: $q) { edges { score node { __typename ... on Entity { slug } ... on Explainer { slug } } } } }';
    const slugs = async (query: string) => (await t.gql(q, { q: query })).body.data.search.edges.map((e: any) => `${e.node.__typename}:${e.node.slug}`);
    expect(await slugs('Khorasan')).toEqual(expect.arrayContaining(['Entity:isis-k', 'Explainer:what-is-isis-k']));
    expect((await slugs('uzbek'))[0]).toBe('Entity:islamic-movement-of-uzbekistan');
    expect(await slugs('Jadöon')).toContain('Entity:amira-jadoon');
    expect(await slugs('disillusioned fighters')).toEqual(['Explainer:what-is-isis-k']);
    expect(await slugs('zzzqqq')).toEqual([]);
  });

  it('pages search results with cursors', async () => {
    const q = 'query($after: String) { search(query: "taliban", first: 2, after: $after) { edges { cursor node { ... on Entity { slug } ... on Explainer { slug } } } pageInfo { hasNextPage endCursor } } }';
    const first = (await t.gql(q)).body.data.search;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.gql(q, { after: first.pageInfo.endCursor })).body.data.search;
    const a = first.edges.map((e: any) => e.node.slug);
    const b = second.edges.map((e: any) => e.node.slug);
    expect(a.filter((s: string) => b.includes(s))).toEqual([]);
  });

  it('refetches any object by its global id with node(id)', async () => {
    const { body } = await t.gql('{ explainer(slug: "what-is-isis-k") { id subject { id } sources { id } sections { id } quotes { id } } }');
    const x = body.data.explainer;
    const ids = [x.id, x.subject.id, x.sources[0].id, x.sections[0].id, x.quotes[0].id];
    const { body: nodes } = await t.gql(`{ ${ids.map((id, i) => `n${i}: node(id: "${id}") { __typename id }`).join(' ')} }`);
    expect(Object.values(nodes.data).map((n: any) => n.__typename)).toEqual(['Explainer', 'Entity', 'Source', 'Section', 'Quote']);
    expect(Object.values(nodes.data).map((n: any) => n.id)).toEqual(ids);
  });

  it('serves the context box a widget renders, with key facts in the order boxes show them', async () => {
    const { body } = await t.gql('{ contextBox(entity: "Islamic State Khorasan Province") { question direction keyFacts { kind value sources { name } } sections { slug } sources { name } url } }');
    const box = body.data.contextBox;
    expect(box.question).toBe('What is ISIS-K?');
    expect(box.direction).toBe('LTR');
    expect(box.keyFacts.map((f: any) => [f.kind, f.value])).toEqual([
      ['FOUNDED', 'January 2015'],
      ['ALSO_KNOWN_AS', 'ISIS-K, ISKP, ISK'],
      ['ACTIVE_IN', 'Afghanistan, Pakistan'],
      ['AFFILIATE_OF', 'Islamic State'],
      ['CLAIMED_RESPONSIBILITY_FOR', 'Kabul airport attack'],
      ['OTHER', 'One of the top four deadliest terrorist organisations in the world (2018)'],
    ]);
    expect(box.keyFacts[0].sources).toEqual([{ name: 'The Conversation' }]);
    expect(box.sections.map((s: any) => s.slug)).toEqual(['overview', 'relationship-with-taliban', 'its-role-in-the-current-scenario']);
    expect(box.url).toMatch(/\/explainers\/what-is-isis-k$/);
    const one = (await t.gql('{ contextBox(explainer: "what-is-isis-k", section: "relationship-with-taliban", locale: "ar") { locale sections { heading } } }')).body.data.contextBox;
    expect(one).toEqual({ locale: 'en', sections: [{ heading: 'Relationship with Taliban' }] });
  });

  it('serves sections as sanitized HTML and plain text', async () => {
    const { body } = await t.gql('{ explainer(slug: "what-is-isis-k") { sections { html text } } }');
    const [overview] = body.data.explainer.sections;
    expect(overview.html.startsWith('<p>The <span class="mention" data-entity="isis-k">Islamic State Khorasan Province</span>')).toBe(true);
    expect(overview.html).toContain('<span class="citation" data-source="Global Terrorism Index">By 2018');
    expect(overview.html.replace(/<\/?(p|span|blockquote)( [a-z-]+="[^"<>]*")*>/g, '')).not.toMatch(/[<>]/);
    expect(body.data.explainer.sections[2].html).toContain('<blockquote><p>It is still too early');
  });
});
