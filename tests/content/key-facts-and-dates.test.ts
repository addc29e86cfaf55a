/**
 * What the seeded boxes and pages say beyond the summary: the key facts of the headline (ISIS-K claimed
 * the Kabul airport blasts) and of the ranking, each with its source; an event's claimant, linked; a
 * fact's span of years; and dates that say whose publication they are.
 */
import { databases } from '../setup/databases';
import { keysFor, ok } from '../setup/editorial';
import { type TestApp, startApp } from '../setup/app';

const BOX = 'query($e: String!) { contextBox(entity: $e) { keyFacts { kind label value url sources { slug } } } }';

describe.each(databases)('key facts and dates (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(database);
  });
  afterAll(() => t?.close());

  const keyFacts = async (entity: string) => (await t.gql(BOX, { e: entity })).body.data.contextBox.keyFacts;

  it('gives the ISIS-K box its claim of the Kabul airport blasts and the Global Terrorism Index ranking, each with its source', async () => {
    const facts = await keyFacts('ISIS-K');
    expect(facts).toContainEqual({
      kind: 'CLAIMED_RESPONSIBILITY_FOR',
      label: 'Claimed responsibility for',
      value: 'Kabul airport attack',
      url: `${t.app.config.publicUrl}/entities/kabul-airport-attack`,
      sources: [{ slug: 'original-article' }],
    });
    expect(facts).toContainEqual({
      kind: 'OTHER',
      label: 'Global Terrorism Index',
      value: 'One of the top four deadliest terrorist organisations in the world (2018)',
      url: null,
      sources: [{ slug: 'global-terrorism-index' }],
    });
    expect(facts.map((f: { kind: string }) => f.kind)).toEqual(['FOUNDED', 'ALSO_KNOWN_AS', 'ACTIVE_IN', 'AFFILIATE_OF', 'CLAIMED_RESPONSIBILITY_FOR', 'OTHER']);
  });

  it('links an event’s key facts to its perpetrator', async () => {
    expect(await keyFacts('Kabul airport attack')).toContainEqual({
      kind: 'CLAIMED_BY',
      label: 'Claimed by',
      value: 'Islamic State Khorasan Province',
      url: `${t.app.config.publicUrl}/entities/isis-k`,
      sources: [{ slug: 'original-article' }],
    });
  });

  it('models the first three years of attacks as the span 2015 to 2018, and shows it so on the entity page', async () => {
    const { entity } = (await t.gql('{ entity(slug: "isis-k") { facts { kind date dateEnd } } }')).body.data;
    expect(entity.facts.find((f: { kind: string }) => f.kind === 'ATTACKS')).toEqual({ kind: 'ATTACKS', date: '2015', dateEnd: '2018' });
    expect(entity.facts.find((f: { kind: string }) => f.kind === 'FOUNDED')).toEqual({ kind: 'FOUNDED', date: '2015-01', dateEnd: null });
    const page = await (await fetch(`${t.url}/entities/isis-k`)).text();
    expect(page).toContain('<time datetime="2015">2015</time>–<time datetime="2018">2018</time>');
  });

  it('takes a span on addFact, and refuses one without a start or ending before it', async () => {
    const keys = await keysFor(t);
    const { entity } = await ok(t, '{ entity(slug: "pakistan") { id } }', {}, keys.editor);
    const add = (date: string | null, dateEnd: string) =>
      t.gql('mutation($e: ID!, $d: String, $z: String) { addFact(entity: $e, input: { kind: "X", label: "X", value: "x", date: $d, dateEnd: $z }) { date dateEnd } }', { e: entity.id, d: date, z: dateEnd }, keys.editor);
    expect((await add('2015-01', '2018')).body.data.addFact).toEqual({ date: '2015-01', dateEnd: '2018' });
    for (const [date, dateEnd] of [[null, '2018'], ['2018', '2015'], ['2015', '2018-13']] as const) {
      const { body } = await add(date, dateEnd);
      expect([date, dateEnd, body.errors?.[0].extensions]).toEqual([date, dateEnd, expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'dateEnd'] })]);
    }
  });

  it('labels Backstory’s own publication as such, and shows the original article’s date only when it is known', async () => {
    const page = () => fetch(`${t.url}/explainers/what-is-isis-k`).then((r) => r.text());
    const before = await page();
    expect(before).toMatch(/Published on Backstory <time datetime="[^"]+">/);
    expect(before).not.toContain('Article published');

    const keys = await keysFor(t);
    const x = (await ok(t, '{ explainer(slug: "what-is-isis-k", preview: true) { id version } }', {}, keys.editor)).explainer;
    const bad = await t.gql('mutation($x: ID!, $v: Int!) { updateExplainer(id: $x, expectedVersion: $v, input: { originalPublishedAt: "26 August 2021" }) { version } }', { x: x.id, v: x.version }, keys.editor);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'originalPublishedAt'] });
    const { updateExplainer } = await ok(t, 'mutation($x: ID!, $v: Int!) { updateExplainer(id: $x, expectedVersion: $v, input: { originalPublishedAt: "2021-08-26" }) { version originalPublishedAt } }', { x: x.id, v: x.version }, keys.editor);
    expect(updateExplainer.originalPublishedAt).toBe('2021-08-26');
    await ok(t, 'mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { version } }', { x: x.id, v: updateExplainer.version }, keys.publisher);
    const after = await page();
    expect(after).toContain('Article published <time datetime="2021-08-26">August 26, 2021</time>');
    expect(after).toMatch(/Published on Backstory <time datetime="[^"]+">/);
    expect((await t.gql('{ explainer(slug: "what-is-isis-k") { originalPublishedAt } }')).body.data.explainer.originalPublishedAt).toBe('2021-08-26');
  });
});
