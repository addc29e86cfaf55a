/**
 * Every act that changes what readers see appends one event, in the transaction that made it, with the
 * release it made and the tags of what it changed: webhooks and live streams are built on this record.
 */
import { releaseEventsAfter } from '../../api/store/release-events.store';
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { keysFor, ok } from '../setup/editorial';

const SLUG = 'what-is-isis-k';
/** The store's own id inside a GraphQL global id ("Type:id", base64url). */
const rawId = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];

describe.each(databases)('release events (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;

  beforeAll(async () => {
    t = await startApp(database);
    keys = await keysFor(t);
  }, 60_000);
  afterAll(() => t?.close());

  const explainer = async () => (await ok(t, `{ explainer(slug: "${SLUG}", preview: true) { id version } }`, {}, keys.editor)).explainer;
  const events = () => releaseEventsAfter(t.app.db, 0, 100);

  it('records a publish, a correction, a schedule and an unpublish, in order, with their releases and tags', async () => {
    const before = (await events()).length;
    let x = await explainer();
    await ok(t, 'mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { version } }', { x: x.id, v: x.version }, keys.publisher);
    x = await explainer();
    await ok(t, 'mutation($x: ID!, $v: Int!) { addCorrection(explainer: $x, expectedVersion: $v, text: "An earlier version misdated the attack.") { text } }', { x: x.id, v: x.version }, keys.publisher);
    x = await explainer();
    const at = new Date(Date.now() + 3_600_000).toISOString();
    await ok(t, 'mutation($x: ID!, $v: Int!, $at: DateTimeISO!) { schedulePublish(id: $x, expectedVersion: $v, at: $at) { id } }', { x: x.id, v: x.version, at }, keys.publisher);
    x = await explainer();
    await ok(t, 'mutation($x: ID!, $v: Int!) { unpublishExplainer(id: $x, expectedVersion: $v) { version } }', { x: x.id, v: x.version }, keys.publisher);

    const recorded = (await events()).slice(before);
    expect(recorded.map((e) => e.type)).toEqual(['explainer.published', 'explainer.corrected', 'explainer.scheduled', 'explainer.unpublished']);
    expect(recorded.every((e) => e.subjectId === rawId(x.id) && e.slug === SLUG && e.locale === 'en')).toBe(true);
    const [published, corrected, scheduled, unpublished] = recorded;
    expect(corrected.release).toBe(published.release! + 1);
    expect(scheduled).toMatchObject({ release: null, tags: [], detail: { at } });
    expect(unpublished.release).toBeNull();
    for (const e of [published, corrected, unpublished]) expect(e.tags).toEqual(expect.arrayContaining([`explainer:${rawId(x.id)}`, `explainer-slug:${SLUG}`]));
    const ids = recorded.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('records nothing for a write that fails, nor for an edit of a working copy', async () => {
    const before = (await events()).length;
    const x = await explainer();
    await ok(t, 'mutation($x: ID!, $v: Int!) { updateExplainer(id: $x, expectedVersion: $v, input: { summary: "A working-copy summary." }) { version } }', { x: x.id, v: x.version }, keys.editor);
    const stale = await t.gql('mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { version } }', { x: x.id, v: x.version }, keys.publisher);
    expect(stale.body.errors?.[0].extensions?.code).toBeDefined();
    expect((await events()).length).toBe(before);
  });

  it('records an entity’s publish and unpublish with the entity’s slug and no locale', async () => {
    // ISIS-K, unpublished above, released again: its kept box links Kabul.
    const isisK = await explainer();
    await ok(t, 'mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { version } }', { x: isisK.id, v: isisK.version }, keys.publisher);
    const before = (await events()).length;
    const kabul = (await ok(t, '{ entity(slug: "kabul", preview: true) { id } }', {}, keys.editor)).entity;
    await ok(t, 'mutation($id: ID!) { unpublishEntity(id: $id) { id } }', { id: kabul.id }, keys.publisher);
    await ok(t, 'mutation($id: ID!) { publishEntity(id: $id) { id } }', { id: kabul.id }, keys.publisher);
    const recorded = (await events()).slice(before);
    expect(recorded.map((e) => [e.type, e.slug, e.locale])).toEqual([
      ['entity.unpublished', 'kabul', null],
      ['entity.published', 'kabul', null],
    ]);
    expect(recorded[1].release).toBeGreaterThan(1);
    expect(recorded[1].tags).toContain(`entity:${rawId(kabul.id)}`);
    // The ISIS-K box links Kabul, and is known to a CDN by its explainer alone: both events name it.
    for (const event of recorded) expect(event.tags).toContain(`explainer:${rawId(isisK.id)}`);
  });
});
