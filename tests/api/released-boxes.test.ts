/**
 * The widget's boxes kept with the releases: a request for one that misses every cache is one read of
 * the store, and always what GraphQL would answer. The response cache is off here, so every GET below
 * is answered by the store, and the count of statements tells a kept box (one) from an execution.
 */
import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';
import { contextBoxDocument, persistedGet } from '../setup/persisted';

const SLUG = 'what-is-isis-k';
const localId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

describe.each(databases)('boxes kept with the releases (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;
  beforeAll(async () => {
    t = await startApp(database, { responseCacheBytes: 0 });
    keys = await keysFor(t);
  });
  afterAll(() => t.close());

  /** The widget's GET, with how many statements answering it took. */
  const get = async (variables: Record<string, unknown>) => {
    t.statements.reset();
    const response = await fetch(`${t.url}${persistedGet(variables)}`, { headers: { accept: '*/*' } });
    const statements = t.statements.count;
    return { status: response.status, statements, type: response.headers.get('content-type'), tags: response.headers.get('surrogate-key'), body: await response.json() };
  };
  /** The same operation executed by GraphQL: POSTed, and by GET with a variable the operation ignores (never kept). */
  const executed = async (variables: Record<string, unknown>) => {
    const { body } = await t.gql(contextBoxDocument, variables);
    const byGet = await get({ ...variables, executed: true });
    expect(byGet.body).toEqual(body);
    expect(byGet.statements).toBeGreaterThan(1);
    return { body, tags: byGet.tags, type: byGet.type };
  };
  const expectKept = async (variables: Record<string, unknown>) => {
    // Work a publish set off in the background (the webhook worker looking for deliveries, live streams
    // reading the new event) may run its statements during a read; the fewest of a few reads is the read's own.
    let kept = await get(variables);
    for (let read = 1; read < 5 && kept.statements > 1; read++) {
      const again = await get(variables);
      if (again.statements < kept.statements) kept = again;
    }
    const expected = await executed(variables);
    // To a CDN the kept box names its explainer alone (a write to anything it read names that explainer
    // too: tests/cdn/varnish.test.ts); GraphQL's answer names everything it read, that explainer among them.
    const own = [`explainer:${localId(kept.body.data.contextBox.id)}`, `explainer-slug:${variables.explainer}`].sort();
    expect({ statements: kept.statements, status: kept.status, type: kept.type, tags: kept.tags?.split(' ') }).toEqual({ statements: 1, status: 200, type: expected.type, tags: own });
    expect(expected.tags?.split(' ')).toEqual(expect.arrayContaining(own));
    expect(kept.body).toEqual(expected.body);
    return kept.body;
  };

  it('answers the seeded box, with no locale and in each locale served (falling back where it has no edition), as GraphQL does, from one statement', async () => {
    expect((await expectKept({ explainer: SLUG })).data.contextBox.question).toBe('What is ISIS-K?');
    for (const locale of t.app.config.locales) await expectKept({ explainer: SLUG, locale });
  });

  it('leaves to GraphQL what it does not keep: an unknown slug, an entity, a locale it does not serve', async () => {
    for (const variables of [{ explainer: 'no-such-explainer' }, { entity: 'ISKP' }, { explainer: SLUG, locale: 'en-GB' }, { explainer: SLUG, section: 'no-such-section' }]) {
      const asked = await get(variables);
      const { body } = await t.gql(contextBoxDocument, variables);
      expect(asked.statements).toBeGreaterThan(1);
      expect(asked.body).toEqual(body);
    }
    expect((await get({ explainer: 'no-such-explainer' })).body).toEqual({ data: { contextBox: null } });
  });

  it('renders the boxes that mention an entity again when the entity is unpublished, published or edited and published', async () => {
    const mentionOfKabul = (body: any) =>
      body.data.contextBox.sections
        .flatMap((s: any) => s.blocks.flatMap((b: any) => (b.__typename === 'Paragraph' ? [b] : b.paragraphs ?? [])))
        .flatMap((p: any) => p.marks.filter((m: any) => m.__typename === 'MentionMark' && p.text.slice(m.start, m.end) === 'Kabul'))[0];
    const kabul = (await ok(t, '{ entity(slug: "kabul", preview: true) { id } }', {}, keys.editor)).entity;
    expect(mentionOfKabul(await expectKept({ explainer: SLUG })).entity).toMatchObject({ slug: 'kabul' });

    await ok(t, 'mutation($e: ID!) { unpublishEntity(id: $e) { id } }', { e: kabul.id }, keys.publisher);
    expect(mentionOfKabul(await expectKept({ explainer: SLUG })).entity).toBeNull();

    const { version } = (await ok(t, '{ entity(slug: "kabul", preview: true) { version } }', {}, keys.editor)).entity;
    await ok(t, 'mutation($e: ID!, $v: Int!) { updateEntity(id: $e, expectedVersion: $v, input: { description: "Kept boxes see this." }) { id } }', { e: kabul.id, v: version }, keys.editor);
    // An edit of the working copy renders nothing: the box still has no link.
    expect(mentionOfKabul((await get({ explainer: SLUG })).body).entity).toBeNull();
    await ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: kabul.id }, keys.publisher);
    expect(mentionOfKabul(await expectKept({ explainer: SLUG, locale: 'en' })).entity).toMatchObject({ slug: 'kabul', description: 'Kept boxes see this.' });
  });

  it('keeps a first release\'s boxes, and stops serving them the moment the explainer is unpublished', async () => {
    const created = (
      await ok(t, 'mutation { createExplainer(input: { slug: "kept-box", title: "What is a kept box?", headline: "h", summary: "s" }) { id } }', {}, keys.editor)
    ).createExplainer;
    await ok(t, 'mutation($x: ID!) { publishExplainer(id: $x, expectedVersion: 1) { id } }', { x: created.id }, keys.publisher);
    expect((await expectKept({ explainer: 'kept-box' })).data.contextBox.question).toBe('What is a kept box?');
    expect((await expectKept({ explainer: 'kept-box', locale: 'fr' })).data.contextBox.locale).toBe('en');

    await ok(t, 'mutation($x: ID!) { unpublishExplainer(id: $x, expectedVersion: 2) { id } }', { x: created.id }, keys.publisher);
    for (const variables of [{ explainer: 'kept-box' }, { explainer: 'kept-box', locale: 'fr' }]) {
      const asked = await get(variables);
      expect(asked.body).toEqual({ data: { contextBox: null } });
      expect(asked.statements).toBeGreaterThan(1);
    }
  });
});
