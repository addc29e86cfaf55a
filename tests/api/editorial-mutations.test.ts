import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';

/** Each mutation the workflow tests (editorial.test.ts) do not already walk through, one by one. */
describe.each(databases)('editorial mutations (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;
  let x: { id: string };
  let entity: { id: string };
  let version = 1;
  const preview = async () =>
    (await ok(t, `query($id: ID!) { node(id: $id, preview: true) { ... on Explainer { version status subject { slug } sections { slug text blocks { __typename ... on QuoteBlock { quote { speakers { slug } source { slug } } } } } quotes { kind } } } }`, { id: x.id }, keys.editor)).node;

  beforeAll(async () => {
    t = await startApp(database);
    keys = await keysFor(t);
    entity = (await ok(t, `mutation { createEntity(input: { slug: "al-shabaab", kind: ORGANIZATION, name: "Al-Shabaab", description: "d", summary: "s" }) { id } }`, {}, keys.editor)).createEntity;
    x = (await ok(t, `mutation { createExplainer(input: { slug: "what-is-al-shabaab", title: "What is Al-Shabaab?", headline: "H", summary: "S." }) { id } }`, {}, keys.editor)).createExplainer;
    for (const slug of ['one', 'two', 'three']) {
      await ok(t, `mutation($x: ID!, $v: Int!, $s: String!) { putSection(explainer: $x, expectedVersion: $v, section: { slug: $s, blocks: [{ paragraph: { text: $s } }] }) { version } }`, { x: x.id, v: version++, s: slug }, keys.editor);
    }
  });
  afterAll(() => t.close());

  it('setExplainerSubject sets and clears the subject', async () => {
    await ok(t, 'mutation($x: ID!, $v: Int!, $e: ID) { setExplainerSubject(id: $x, expectedVersion: $v, subject: $e) { version } }', { x: x.id, v: version++, e: entity.id }, keys.editor);
    expect((await preview()).subject).toEqual({ slug: 'al-shabaab' });
  });

  it('reorderSections and removeSection', async () => {
    await ok(t, 'mutation($x: ID!, $v: Int!) { reorderSections(explainer: $x, expectedVersion: $v, slugs: ["three", "one", "two"]) { version } }', { x: x.id, v: version++ }, keys.editor);
    expect((await preview()).sections.map((s: any) => s.slug)).toEqual(['three', 'one', 'two']);
    const bad = await t.gql('mutation($x: ID!, $v: Int!) { reorderSections(explainer: $x, expectedVersion: $v, slugs: ["one", "two"]) { version } }', { x: x.id, v: version }, keys.editor);
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'slugs' });
    await ok(t, 'mutation($x: ID!, $v: Int!) { removeSection(explainer: $x, expectedVersion: $v, slug: "one") { version } }', { x: x.id, v: version++ }, keys.editor);
    expect((await preview()).sections.map((s: any) => s.slug)).toEqual(['three', 'two']);
    const missing = await t.gql('mutation($x: ID!, $v: Int!) { removeSection(explainer: $x, expectedVersion: $v, slug: "one") { version } }', { x: x.id, v: version }, keys.editor);
    expect(missing.body.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('createSource, createQuote and a section quoting through the source', async () => {
    const source = (await ok(t, 'mutation($p: ID!) { createSource(input: { slug: "reuters-report", kind: REPORT, name: "Reuters", url: "https://example.com/report", publisher: $p }) { id slug } }', { p: entity.id }, keys.editor)).createSource;
    const quote = (await ok(t, 'mutation($x: ID!, $v: Int!, $e: ID!, $s: ID!) { createQuote(explainer: $x, expectedVersion: $v, input: { speakers: [$e], source: $s }) { id kind } }', { x: x.id, v: version++, e: entity.id, s: source.id }, keys.editor)).createQuote;
    expect(quote.kind).toBe('BLOCK');
    await ok(t, 'mutation($x: ID!, $v: Int!, $q: ID!) { putSection(explainer: $x, expectedVersion: $v, section: { slug: "quoted", blocks: [{ quote: { quote: $q, paragraphs: [{ text: "We will fight." }] } }] }) { version } }', { x: x.id, v: version++, q: quote.id }, keys.editor);
    const quoted = (await preview()).sections.find((s: any) => s.slug === 'quoted');
    expect(quoted.blocks).toEqual([{ __typename: 'QuoteBlock', quote: { speakers: [{ slug: 'al-shabaab' }], source: { slug: 'reuters-report' } } }]);
    const bad = await t.gql('mutation { createSource(input: { slug: "x", kind: REPORT, name: "X", url: "javascript:alert(1)" }) { id } }', {}, keys.editor);
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input' });
  });

  it('archiveExplainer takes it out of public view', async () => {
    await ok(t, 'mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { status } }', { x: x.id, v: version++ }, keys.publisher);
    await ok(t, 'mutation { publishEntity(id: "' + entity.id + '") { slug } }', {}, keys.publisher);
    expect((await t.gql('{ explainer(slug: "what-is-al-shabaab") { status } }')).body.data.explainer).toEqual({ status: 'PUBLISHED' });
    await ok(t, 'mutation($x: ID!, $v: Int!) { archiveExplainer(id: $x, expectedVersion: $v) { status } }', { x: x.id, v: version++ }, keys.publisher);
    expect((await t.gql('{ explainer(slug: "what-is-al-shabaab") { status } }')).body.data.explainer).toBeNull();
    expect((await preview()).status).toBe('ARCHIVED');
  });

  it('addAlias, removeAlias; the entity\'s own name stays an alias; readers see aliases once published', async () => {
    const publish = () => ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: entity.id }, keys.publisher);
    const byName = async (name: string, locale = 'en') => (await t.gql('query($n: String!, $l: String) { entity(name: $n, locale: $l) { slug } }', { n: name, l: locale })).body.data.entity;
    await ok(t, 'mutation($e: ID!) { addAlias(entity: $e, name: "Harakat al-Shabaab al-Mujahideen") { id } }', { e: entity.id }, keys.editor);
    await ok(t, 'mutation($e: ID!) { addAlias(entity: $e, name: "الشباب", locale: "ar") { id } }', { e: entity.id }, keys.editor);
    expect(await byName('harakat al shabaab al mujahideen')).toBeNull();
    await publish();
    expect(await byName('harakat al shabaab al mujahideen')).toEqual({ slug: 'al-shabaab' });
    expect(await byName('الشباب', 'ar')).toEqual({ slug: 'al-shabaab' });
    await ok(t, 'mutation($e: ID!) { removeAlias(entity: $e, name: "Harakat al-Shabaab al-Mujahideen") { id } }', { e: entity.id }, keys.editor);
    expect(await byName('harakat al shabaab al mujahideen')).toEqual({ slug: 'al-shabaab' });
    await publish();
    expect(await byName('harakat al shabaab al mujahideen')).toBeNull();
    const own = await t.gql('mutation($e: ID!) { removeAlias(entity: $e, name: "Al-Shabaab") { id } }', { e: entity.id }, keys.editor);
    expect(own.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'name' });
  });

  it('addFact, citeFact, removeFact; addRelation, citeRelation, removeRelation', async () => {
    const source = (await t.gql('{ explainer(slug: "what-is-isis-k") { sources { id } } }')).body.data.explainer.sources[0];
    const fact = (await ok(t, 'mutation($e: ID!) { addFact(entity: $e, input: { kind: "FOUNDED", label: "Founded", value: "2006", date: "2006" }) { id } }', { e: entity.id }, keys.editor)).addFact;
    const cited = (await ok(t, 'mutation($f: ID!, $s: ID!) { citeFact(fact: $f, source: $s) { sources { name } } }', { f: fact.id, s: source.id }, keys.editor)).citeFact;
    expect(cited.sources).toEqual([{ name: 'The Conversation' }]);
    const badDate = await t.gql('mutation($e: ID!) { addFact(entity: $e, input: { kind: "K", label: "L", value: "V", date: "last spring" }) { id } }', { e: entity.id }, keys.editor);
    expect(badDate.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input', field: ['input', 'date'] });
    const isisK = (await t.gql('{ entity(slug: "isis-k") { id } }')).body.data.entity.id;
    const relation = (await ok(t, 'mutation($s: ID!, $o: ID!) { addRelation(input: { subject: $s, predicate: RIVAL_OF, object: $o, hedge: "reportedly" }) { id } }', { s: entity.id, o: isisK }, keys.editor)).addRelation;
    await ok(t, 'mutation($r: ID!, $s: ID!) { citeRelation(relation: $r, source: $s) { id } }', { r: relation.id, s: source.id }, keys.editor);
    const facts = '{ entity(slug: "al-shabaab") { facts { value sources { name } } relations { predicate hedge object { slug } sources { name } } } }';
    const expected = { facts: [{ value: '2006', sources: [{ name: 'The Conversation' }] }], relations: [{ predicate: 'RIVAL_OF', hedge: 'reportedly', object: { slug: 'isis-k' }, sources: [{ name: 'The Conversation' }] }] };
    expect((await ok(t, facts.replace('al-shabaab"', 'al-shabaab", preview: true'), {}, keys.editor)).entity).toEqual(expected);
    expect((await ok(t, facts, {}, {})).entity).toEqual({ facts: [], relations: [] });
    await ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: entity.id }, keys.publisher);
    expect((await ok(t, facts, {}, {})).entity).toEqual(expected);
    await ok(t, 'mutation($f: ID!) { removeFact(id: $f) }', { f: fact.id }, keys.editor);
    await ok(t, 'mutation($r: ID!) { removeRelation(id: $r) }', { r: relation.id }, keys.editor);
    await ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: entity.id }, keys.publisher);
    expect((await ok(t, '{ entity(slug: "al-shabaab") { facts { id } relations { id } } }', {}, {})).entity).toEqual({ facts: [], relations: [] });
  });

  it('unpublishEntity hides the entity again; updateEntity sets its Wikidata id', async () => {
    const { version: v } = (await ok(t, '{ entity(slug: "al-shabaab", preview: true) { version } }', {}, keys.editor)).entity;
    await ok(t, 'mutation($e: ID!, $v: Int!) { updateEntity(id: $e, expectedVersion: $v, input: { wikidataId: "Q212296" }) { id } }', { e: entity.id, v }, keys.editor);
    await ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: entity.id }, keys.publisher);
    expect((await t.gql('{ entity(slug: "al-shabaab") { wikidataId wikidataUrl } }')).body.data.entity).toEqual({ wikidataId: 'Q212296', wikidataUrl: 'https://www.wikidata.org/wiki/Q212296' });
    const bad = await t.gql('mutation($e: ID!, $v: Int!) { updateEntity(id: $e, expectedVersion: $v, input: { wikidataId: "212296" }) { id } }', { e: entity.id, v: v + 2 }, keys.editor);
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'wikidataId'] });
    await ok(t, 'mutation($e: ID!) { unpublishEntity(id: $e) { id } }', { e: entity.id }, keys.publisher);
    expect((await t.gql('{ entity(slug: "al-shabaab") { id } }')).body.data.entity).toBeNull();
  });

  it('gives an entity its next version on every change, and refuses a stale updateEntity with CONFLICT, writing nothing', async () => {
    const e = (await ok(t, 'mutation { createEntity(input: { slug: "versioned", kind: ORGANIZATION, name: "Versioned", description: "First.", summary: "s" }) { id version } }', {}, keys.editor)).createEntity;
    expect(e.version).toBe(1);
    const current = async () => (await ok(t, 'query($id: ID!) { node(id: $id, preview: true) { ... on Entity { version description } } }', { id: e.id }, keys.editor)).node;
    const source = (await t.gql('{ explainer(slug: "what-is-isis-k") { sources { id } } }')).body.data.explainer.sources[0].id;
    const run = async (role: 'editor' | 'publisher', mutation: string, variables: Record<string, unknown> = {}) =>
      Object.values(await ok(t, mutation, { e: e.id, ...variables }, keys[role]))[0] as { id: string };

    await run('editor', 'mutation($e: ID!) { addAlias(entity: $e, name: "VSN") { id } }');
    await run('editor', 'mutation($e: ID!) { removeAlias(entity: $e, name: "VSN") { id } }');
    const fact = await run('editor', 'mutation($e: ID!) { addFact(entity: $e, input: { kind: "FOUNDED", label: "Founded", value: "2020" }) { id } }');
    await run('editor', 'mutation($f: ID!, $s: ID!) { citeFact(fact: $f, source: $s) { id } }', { f: fact.id, s: source });
    await run('editor', 'mutation($f: ID!) { removeFact(id: $f) }', { f: fact.id });
    const relation = await run('editor', 'mutation($e: ID!, $o: ID!) { addRelation(input: { subject: $e, predicate: RIVAL_OF, object: $o }) { id } }', { o: entity.id });
    await run('editor', 'mutation($r: ID!, $s: ID!) { citeRelation(relation: $r, source: $s) { id } }', { r: relation.id, s: source });
    await run('editor', 'mutation($r: ID!) { removeRelation(id: $r) }', { r: relation.id });
    await run('publisher', 'mutation($e: ID!) { publishEntity(id: $e) { id } }');
    await run('publisher', 'mutation($e: ID!) { unpublishEntity(id: $e) { id } }');
    expect(await current()).toEqual({ version: 11, description: 'First.' });

    const updated = await run('editor', 'mutation($e: ID!) { updateEntity(id: $e, expectedVersion: 11, input: { description: "Second." }) { version description } }');
    expect(updated).toEqual({ version: 12, description: 'Second.' });
    const stale = await t.gql('mutation($e: ID!) { updateEntity(id: $e, expectedVersion: 11, input: { description: "Lost?" }) { version } }', { e: e.id }, keys.editor);
    expect(stale.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 12, argument: 'expectedVersion' });
    expect(await current()).toEqual({ version: 12, description: 'Second.' });
  });
});
