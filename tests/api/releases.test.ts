/**
 * Readers see only releases: what an editor changes in a working copy reaches no public path until a
 * publisher publishes it, and every publish is an immutable, numbered release.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { Pool } from 'pg';
import { load, seedDocuments } from '../../api/content/seed';
import { migrationProvider } from '../../api/store/migrations';
import { openDatabase } from '../../api/store/dialect';
import { type TestApp, startApp } from '../setup/app';
import { databases, testDatabaseUrl } from '../setup/databases';
import { keysFor, ok } from '../setup/editorial';
import { persistedGet } from '../setup/persisted';

const SLUG = 'what-is-isis-k';

describe.each(databases)('releases (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;
  let x: { id: string; version: number };

  beforeAll(async () => {
    t = await startApp(database);
    keys = await keysFor(t);
  }, 60_000);
  afterAll(() => t?.close());
  beforeEach(async () => {
    x = (await ok(t, `{ explainer(slug: "${SLUG}", preview: true) { id version } }`, {}, keys.editor)).explainer;
  });

  const box = async () => (await (await fetch(`${t.url}${persistedGet({ explainer: SLUG })}`)).json()).data.contextBox;
  const publicTitle = async () => (await ok(t, `{ explainer(slug: "${SLUG}") { title } }`, {}, {})).explainer.title;
  const page = async (path: string) => {
    const response = await fetch(`${t.url}${path}`);
    return { status: response.status, html: await response.text() };
  };
  const oembedTitle = async () =>
    (await (await fetch(`${t.url}/oembed?url=${encodeURIComponent(`${t.url}/explainers/${SLUG}`)}`)).json()).title;
  const publish = (v: number) => ok(t, 'mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { version } }', { x: x.id, v }, keys.publisher);

  it('keeps an editor’s change to a published explainer off every public path until it is published', async () => {
    const before = { box: await box(), title: await publicTitle(), page: await page(`/explainers/${SLUG}`), embed: await page(`/embed/explainers/${SLUG}`) };
    const edited = (
      await ok(
        t,
        'mutation($x: ID!, $v: Int!) { updateExplainer(id: $x, expectedVersion: $v, input: { title: "What is ISIS-K, edited?", summary: "Zanzibarian draft summary." }) { version status hasUnpublishedChanges unpublishedChanges { path } } }',
        { x: x.id, v: x.version },
        keys.editor,
      )
    ).updateExplainer;
    expect(edited).toMatchObject({ status: 'PUBLISHED', hasUnpublishedChanges: true });
    expect(edited.unpublishedChanges.map((c: any) => c.path)).toEqual(['title', 'summary']);

    expect((await box()).question).toBe(before.box.question);
    expect(await publicTitle()).toBe(before.title);
    expect(await oembedTitle()).toBe('What is ISIS-K?');
    for (const path of [`/explainers/${SLUG}`, `/embed/explainers/${SLUG}`]) {
      const now = await page(path);
      expect(now.status).toBe(200);
      expect(now.html).not.toContain('edited?');
      expect(now.html).not.toContain('Zanzibarian');
    }
    const search = async (preview: boolean) =>
      (await ok(t, `{ search(query: "zanzibarian", preview: ${preview}) { edges { node { __typename } } } }`, {}, preview ? keys.editor : {})).search.edges;
    expect(await search(false)).toEqual([]);
    expect(await search(true)).toEqual([{ node: { __typename: 'Explainer' } }]);

    const published = (await publish(edited.version)).publishExplainer;
    expect((await box()).question).toBe('What is ISIS-K, edited?');
    expect(await publicTitle()).toBe('What is ISIS-K, edited?');
    expect((await page(`/embed/explainers/${SLUG}`)).html).toContain('Zanzibarian');
    expect(await search(false)).toHaveLength(1);
    const state = (await ok(t, `{ explainer(slug: "${SLUG}", preview: true) { hasUnpublishedChanges releases { number version action } } }`, {}, keys.editor)).explainer;
    expect(state.hasUnpublishedChanges).toBe(false);
    expect(state.releases[0]).toEqual({ number: state.releases.length, version: published.version, action: 'publish' });
  });

  it('restores a revision into the working copy only', async () => {
    const title = await publicTitle();
    const restored = (
      await ok(t, 'mutation($x: ID!, $v: Int!) { restoreRevision(explainer: $x, expectedVersion: $v, version: 1) { status title hasUnpublishedChanges } }', { x: x.id, v: x.version }, keys.editor)
    ).restoreRevision;
    expect(restored).toMatchObject({ status: 'PUBLISHED', hasUnpublishedChanges: true });
    expect(await publicTitle()).toBe(title);
  });

  it('publishes a correction on its own, as a release, leaving pending edits unpublished', async () => {
    const releases = async () => (await ok(t, `{ explainer(slug: "${SLUG}") { releases { number action document } } }`, {}, {})).explainer.releases;
    const count = (await releases()).length;
    const headline = async () => (await ok(t, `{ explainer(slug: "${SLUG}") { headline } }`, {}, {})).explainer.headline;
    const published = await headline();
    await ok(t, 'mutation($x: ID!, $v: Int!) { updateExplainer(id: $x, expectedVersion: $v, input: { headline: "Pending headline" }) { id } }', { x: x.id, v: x.version }, keys.editor);
    await ok(t, 'mutation($x: ID!, $v: Int!) { addCorrection(explainer: $x, expectedVersion: $v, text: "We misdated the founding.") { text } }', { x: x.id, v: x.version + 1 }, keys.publisher);
    const after = await releases();
    expect(after).toHaveLength(count + 1);
    expect(after[0]).toMatchObject({ number: count + 1, action: 'correct' });
    expect(after[0].document.corrections.map((c: any) => c.text)).toContain('We misdated the founding.');
    expect((await box()).corrections.map((c: any) => c.text)).toContain('We misdated the founding.');
    // The edit is still waiting in the working copy.
    expect(await headline()).toBe(published);
    const one = (await ok(t, `{ explainer(slug: "${SLUG}") { release(number: 1) { number action document } } }`, {}, {})).explainer.release;
    expect(one).toMatchObject({ number: 1, action: 'publish' });
    expect(one.document.sections.length).toBeGreaterThan(0);
  });

  it('keeps entity edits off the public paths until the entity is published', async () => {
    const kabul = (await ok(t, '{ entity(slug: "kabul", preview: true) { id version description } }', {}, keys.editor)).entity;
    await ok(t, 'mutation($e: ID!, $v: Int!) { updateEntity(id: $e, expectedVersion: $v, input: { description: "Edited Kabul." }) { id } }', { e: kabul.id, v: kabul.version }, keys.editor);
    await ok(t, 'mutation($e: ID!) { addAlias(entity: $e, name: "Kabol") { id } }', { e: kabul.id }, keys.editor);
    expect((await ok(t, '{ entity(slug: "kabul") { description hasUnpublishedChanges: id } }', {}, {})).entity.description).toBe(kabul.description);
    expect((await ok(t, '{ entity(name: "Kabol") { slug } }', {}, {})).entity).toBeNull();
    expect((await ok(t, '{ entity(slug: "kabul", preview: true) { hasUnpublishedChanges } }', {}, keys.editor)).entity.hasUnpublishedChanges).toBe(true);
    await ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: kabul.id }, keys.publisher);
    expect((await ok(t, '{ entity(name: "Kabol") { slug description releases { number } } }', {}, {})).entity).toMatchObject({ slug: 'kabul', description: 'Edited Kabul.' });
  });

  it('records a revision for every entity change, so its version is its number of revisions', async () => {
    const created = (
      await ok(t, 'mutation { createEntity(input: { slug: "revised", kind: OTHER, name: "Revised", description: "d", summary: "s", aliases: ["Rev"] }) { id version } }', {}, keys.editor)
    ).createEntity;
    await ok(t, 'mutation($e: ID!) { addFact(entity: $e, input: { kind: "K", label: "L", value: "V" }) { id } }', { e: created.id }, keys.editor);
    await ok(t, 'mutation($e: ID!) { addAlias(entity: $e, name: "Revisited") { id } }', { e: created.id }, keys.editor);
    await ok(t, 'mutation($e: ID!, $v: Int!) { updateEntity(id: $e, expectedVersion: $v, input: { summary: "Longer." }) { id } }', { e: created.id, v: 3 }, keys.editor);
    await ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: created.id }, keys.publisher);
    const seen = (
      await ok(t, '{ entity(slug: "revised", preview: true) { version revisions { version action key { name } diff { path } } } }', {}, keys.editor)
    ).entity;
    expect(seen.version).toBe(5);
    expect(seen.revisions.map((r: any) => [r.version, r.action])).toEqual([[5, 'publish'], [4, 'update'], [3, 'add alias'], [2, 'add fact'], [1, 'create']]);
    expect(seen.revisions[1].diff.map((d: any) => d.path)).toEqual(['summary']);
    expect(seen.revisions[1].key).toEqual({ name: 'test editor' });
    const denied = await t.gql('{ entity(slug: "revised") { revisions { version } } }');
    expect(denied.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('renders a mention of an entity with no release as plain words, on every path', async () => {
    const kabul = (await ok(t, '{ entity(slug: "kabul") { id } }', {}, {})).entity;
    await ok(t, 'mutation($e: ID!) { unpublishEntity(id: $e) { id } }', { e: kabul.id }, keys.publisher);
    const marks = (
      await ok(t, `{ explainer(slug: "${SLUG}") { sections { blocks { ... on QuoteBlock { paragraphs { text marks { ... on MentionMark { start end entity { slug } } } } } } } } }`, {}, {})
    ).explainer.sections.flatMap((s: any) => s.blocks.flatMap((b: any) => b.paragraphs ?? []));
    const kabulMark = marks.flatMap((p: any) => p.marks.filter((m: any) => m.start !== undefined && p.text.slice(m.start, m.end) === 'Kabul'));
    expect(kabulMark).toEqual([{ start: expect.any(Number), end: expect.any(Number), entity: null }]);
    for (const path of [`/explainers/${SLUG}`, `/embed/explainers/${SLUG}`]) {
      const { status, html } = await page(path);
      expect(status).toBe(200);
      expect(html).toContain('Kabul');
      expect(html).not.toContain('Capital of Afghanistan.');
    }
    expect((await box()).question).toBeTruthy();
    await ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: kabul.id }, keys.publisher);
  });

  it('tags public responses with what they read; a publish drops only its own, and warms it again', async () => {
    const other = (
      await ok(t, 'mutation { createExplainer(input: { slug: "what-is-b", title: "What is B?", headline: "B", summary: "B is a test." }) { id version } }', {}, keys.editor)
    ).createExplainer;
    await ok(t, 'mutation($x: ID!) { publishExplainer(id: $x, expectedVersion: 1) { id } }', { x: other.id }, keys.publisher);
    const get = (slug: string) => fetch(`${t.url}${persistedGet({ explainer: slug })}`);
    await get(SLUG);
    const hot = await get(SLUG);
    expect(hot.headers.get('x-cache')).toBe('hit');
    const localId = Buffer.from(x.id, 'base64url').toString().split(':')[1];
    expect(hot.headers.get('surrogate-key')!.split(' ')).toContain(`explainer:${localId}`);
    expect(hot.headers.get('cache-tag')!.split(',')).toContain(`explainer:${localId}`);

    await ok(t, 'mutation($x: ID!) { publishExplainer(id: $x, expectedVersion: 2) { id } }', { x: other.id }, keys.publisher);
    expect((await get(SLUG)).headers.get('x-cache')).toBe('hit');
    await ok(t, 'mutation($x: ID!, $v: Int!) { updateExplainer(id: $x, expectedVersion: $v, input: { summary: "Published, and warm." }) { id } }', { x: x.id, v: x.version }, keys.editor);
    expect((await get(SLUG)).headers.get('x-cache')).toBe('hit');
    await publish(x.version + 1);
    // Publishing warmed the box again: the first reader after it gets a hit, with what was published.
    const first = await get(SLUG);
    expect(first.headers.get('x-cache')).toBe('hit');
    expect((await first.json()).data.contextBox.summary).toBe('Published, and warm.');
  });

  it('publishes on schedule, once', async () => {
    const created = (
      await ok(t, 'mutation { createExplainer(input: { slug: "scheduled", title: "Scheduled?", headline: "S", summary: "Later." }) { id } }', {}, keys.editor)
    ).createExplainer;
    const scheduled = await ok(
      t,
      'mutation($x: ID!) { schedulePublish(id: $x, expectedVersion: 1, at: "2020-01-01T00:00:00Z") { status scheduledPublish { at version } } }',
      { x: created.id },
      keys.publisher,
    );
    expect(scheduled.schedulePublish).toEqual({ status: 'DRAFT', scheduledPublish: { at: '2020-01-01T00:00:00.000Z', version: 1 } });
    await Promise.all([t.app.publishDue(), t.app.publishDue()]);
    const seen = (await ok(t, '{ explainer(slug: "scheduled") { status releases { number action } } }', {}, {})).explainer;
    expect(seen).toEqual({ status: 'PUBLISHED', releases: [{ number: 1, action: 'scheduled publish' }] });
    expect(await t.app.publishDue()).toBe(0);
    const stale = await t.gql('mutation($x: ID!) { schedulePublish(id: $x, expectedVersion: 1, at: "2030-01-01T00:00:00Z") { id } }', { x: created.id }, keys.publisher);
    expect(stale.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    await ok(t, 'mutation($x: ID!) { schedulePublish(id: $x, expectedVersion: 2, at: "2030-01-01T00:00:00Z") { id } }', { x: created.id }, keys.publisher);
    const cancelled = await ok(t, 'mutation($x: ID!) { cancelScheduledPublish(id: $x) { scheduledPublish { at } } }', { x: created.id }, keys.publisher);
    expect(cancelled.cancelScheduledPublish.scheduledPublish).toBeNull();
  });
});

describe('a scheduled publish whose moment passed while no process ran', () => {
  it('fires when the next process starts', async () => {
    const first = await startApp('sqlite');
    const keys = await keysFor(first);
    const created = (
      await ok(first, 'mutation { createExplainer(input: { slug: "missed", title: "Missed?", headline: "M", summary: "While down." }) { id } }', {}, keys.editor)
    ).createExplainer;
    const at = new Date(Date.now() + 1500).toISOString();
    await ok(first, 'mutation($x: ID!, $at: DateTimeISO!) { schedulePublish(id: $x, expectedVersion: 1, at: $at) { id } }', { x: created.id, at }, keys.publisher);
    // The only process stops before the moment (its own timer would not have looked for an hour anyway).
    const sqlitePath = first.app.config.sqlitePath;
    await first.app.close();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(at) - Date.now()) + 50));
    const next = await startApp('sqlite', { sqlitePath });
    try {
      const seen = (await ok(next, '{ explainer(slug: "missed") { status releases { number action } } }', {}, {})).explainer;
      expect(seen).toEqual({ status: 'PUBLISHED', releases: [{ number: 1, action: 'scheduled publish' }] });
    } finally {
      await next.close();
      await first.close();
    }
  }, 60_000);
});

describe('a SQLite store made by the last version before releases', () => {
  // tests/api/fixtures/store-before-releases.db: `npm start` of commit 3b6f160 on an empty SQLITE_PATH
  // (its four migrations, the seed published, no releases, its search index), checkpointed and copied.
  it('starts on it, migrates it, and serves what it had published as release 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-before-releases-'));
    copyFileSync(join(__dirname, 'fixtures', 'store-before-releases.db'), join(dir, 'backstory.db'));
    const t = await startApp('sqlite', { sqlitePath: join(dir, 'backstory.db') });
    try {
      const seen = await ok(t, `{ explainer(slug: "${SLUG}") { title releases { number } sections { slug } } entity(name: "ISKP") { slug releases { number } } }`, {}, {});
      expect(seen.explainer).toMatchObject({ title: 'What is ISIS-K?', releases: [{ number: 1 }] });
      expect(seen.explainer.sections).toHaveLength(3);
      expect(seen.entity).toEqual({ slug: 'isis-k', releases: [{ number: 1 }] });
      const box = await (await fetch(`${t.url}${persistedGet({ explainer: SLUG })}`)).json();
      expect(box.data.contextBox.question).toBe('What is ISIS-K?');
      const found = await ok(t, '{ search(query: "Khorasan") { edges { node { __typename } } } }', {}, {});
      expect(found.search.edges.length).toBeGreaterThan(0);
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.each(databases)('a store from before releases (%s)', (database) => {
  it('keeps serving what was published: each published explainer and entity becomes release 1', async () => {
    const schema = `t_old_${process.pid}_${Date.now().toString(36)}`;
    const dir = await import('node:fs').then((fs) => fs.mkdtempSync(`${require('node:os').tmpdir()}/backstory-old-`));
    const store = database === 'postgres' ? { databaseUrl: testDatabaseUrl(), databaseSchema: schema } : { sqlitePath: `${dir}/backstory.db` };
    const db = await openDatabase({ ...store, sqlitePath: store.sqlitePath ?? ':memory:' } as never);
    const migrator = new Migrator({ db, provider: migrationProvider, ...(database === 'postgres' ? { migrationTableSchema: schema } : {}) });
    // Today's seed loader writes today's search documents, so the store gets today's tables; it
    // releases nothing, which leaves the store as one from before releases: published, unreleased.
    const { error } = await migrator.migrateToLatest();
    expect(error).toBeUndefined();
    await db.transaction().execute((trx) => load(trx, seedDocuments[0]));
    await db.destroy();

    const t = await startApp(database, { ...store, seed: true });
    try {
      const seen = (await ok(t, `{ explainer(slug: "${SLUG}") { title releases { number } sections { slug } } entity(name: "ISKP") { slug releases { number } } }`, {}, {}));
      expect(seen.explainer).toMatchObject({ title: 'What is ISIS-K?', releases: [{ number: 1 }] });
      expect(seen.explainer.sections.length).toBe(3);
      expect(seen.entity).toEqual({ slug: 'isis-k', releases: [{ number: 1 }] });
      const box = await (await fetch(`${t.url}${persistedGet({ explainer: SLUG })}`)).json();
      expect(box.data.contextBox.question).toBe('What is ISIS-K?');
    } finally {
      await t.close();
      if (database === 'postgres') {
        const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
        await pool.query(`drop schema if exists "${schema}" cascade`);
        await pool.end();
      }
    }
  }, 60_000);
});
