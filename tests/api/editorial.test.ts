import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';

const CREATE_ENTITY = `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id slug aliases { name } } }`;
const CREATE_EXPLAINER = `mutation($input: CreateExplainerInput!) { createExplainer(input: $input) { id version status } }`;
const PUT_SECTION = `mutation($x: ID!, $v: Int!, $s: SectionInput!, $p: Int) { putSection(explainer: $x, expectedVersion: $v, section: $s, position: $p) { version sections { slug text } } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishExplainer(id: $id, expectedVersion: $v) { version status publishedAt } }`;

describe.each(databases)('the editorial API (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;
  let isisK: string;
  let conversation: string;
  beforeAll(async () => {
    t = await startApp(database);
    keys = await keysFor(t);
    const { body } = await t.gql('{ entity(slug: "isis-k") { id } explainer(slug: "what-is-isis-k") { sources { id slug } } }');
    isisK = body.data.entity.id;
    conversation = body.data.explainer.sources.find((s: any) => s.slug === 'the-conversation-report').id;
  });
  afterAll(() => t.close());

  async function draft(slug: string) {
    const entity = (await ok(t, CREATE_ENTITY, { input: { slug: `${slug}-group`, kind: 'ORGANIZATION', name: `${slug} Group`, description: 'd', summary: 's', aliases: [`${slug.toUpperCase()}G`] } }, keys.editor)).createEntity;
    const x = (await ok(t, CREATE_EXPLAINER, { input: { slug, title: `What is ${slug}?`, headline: 'A headline', summary: 'A summary.', subject: entity.id } }, keys.editor)).createExplainer;
    return { entity, x };
  }

  it('walks the CMS workflow: draft, sections, preview, publish, correct', async () => {
    const { entity, x } = await draft('hts');
    expect(x).toMatchObject({ version: 1, status: 'DRAFT' });
    const text = 'HTS Group rivals ISIS-K, The Conversation reported.';
    const section = {
      slug: 'overview',
      heading: null,
      blocks: [{ paragraph: { text, marks: [
        { start: 0, end: 9, entity: entity.id },
        { start: 17, end: 23, entity: isisK },
        { start: 0, end: 23, source: conversation },
      ] } }],
    };
    const put = (await ok(t, PUT_SECTION, { x: x.id, v: 1, s: section }, keys.editor)).putSection;
    expect(put).toEqual({ version: 2, sections: [{ slug: 'overview', text }] });

    const publicView = '{ explainer(slug: "hts") { title } contextBox(explainer: "hts") { question } }';
    expect((await t.gql(publicView)).body.data).toEqual({ explainer: null, contextBox: null });
    const preview = '{ explainer(slug: "hts", preview: true) { title status subject { name } sections { mentions { entity { slug } } } } }';
    expect((await t.gql(preview)).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const seen = (await ok(t, preview, {}, keys.editor)).explainer;
    expect(seen).toEqual({ title: 'What is hts?', status: 'DRAFT', subject: { name: 'hts Group' }, sections: [{ mentions: [{ entity: { slug: 'hts-group' } }, { entity: { slug: 'isis-k' } }] }] });

    const published = (await ok(t, PUBLISH, { id: x.id, v: 2 }, keys.publisher)).publishExplainer;
    expect(published).toMatchObject({ version: 3, status: 'PUBLISHED' });
    // The entity is still a draft, so the public sees the explainer without it.
    const pub = (await t.gql('{ explainer(slug: "hts") { title subject { name } sections { mentions { entity { slug } } } } }')).body.data.explainer;
    expect(pub).toEqual({ title: 'What is hts?', subject: null, sections: [{ mentions: [{ entity: { slug: 'isis-k' } }] }] });

    await ok(t, `mutation($x: ID!) { addCorrection(explainer: $x, expectedVersion: 3, text: "An earlier version misnamed the group.") { text publishedAt } }`, { x: x.id }, keys.publisher);
    const box = (await t.gql('{ contextBox(explainer: "hts") { corrections { text } } }')).body.data.contextBox;
    expect(box.corrections).toEqual([{ text: 'An earlier version misnamed the group.' }]);
  });

  it('writes a revision for every change: versions equal revision counts, with diffs, and restore is a new revision', async () => {
    const { x } = await draft('jnim');
    const para = (text: string) => ({ slug: 'overview', blocks: [{ paragraph: { text } }] });
    await ok(t, PUT_SECTION, { x: x.id, v: 1, s: para('First text.') }, keys.editor);
    await ok(t, PUT_SECTION, { x: x.id, v: 2, s: para('Second text.') }, keys.editor);
    await ok(t, `mutation($id: ID!) { updateExplainer(id: $id, expectedVersion: 3, input: { summary: "New summary." }) { version } }`, { id: x.id }, keys.editor);
    const history = `query($id: ID!) { node(id: $id, preview: true) { ... on Explainer { version summary sections { text } revisions { version action key { name role } diff { path before after } } } } }`;
    let node = (await ok(t, history, { id: x.id }, keys.editor)).node;
    expect(node.version).toBe(4);
    expect(node.revisions.map((r: any) => [r.version, r.action])).toEqual([[4, 'update'], [3, 'put section'], [2, 'put section'], [1, 'create']]);
    expect(node.revisions[0].diff).toEqual([{ path: 'summary', before: 'A summary.', after: 'New summary.' }]);
    expect(node.revisions[1].diff[0].path).toBe('sections.overview');
    expect(node.revisions[0].key).toEqual({ name: 'test editor', role: 'EDITOR' });

    await ok(t, `mutation($id: ID!) { restoreRevision(explainer: $id, expectedVersion: 4, version: 2) { version } }`, { id: x.id }, keys.editor);
    node = (await ok(t, history, { id: x.id }, keys.editor)).node;
    expect(node).toMatchObject({ version: 5, summary: 'A summary.', sections: [{ text: 'First text.' }] });
    expect(node.revisions[0]).toMatchObject({ version: 5, action: 'restore version 2' });
    expect(node.revisions).toHaveLength(node.version);
  });

  it('refuses a stale expectedVersion with CONFLICT and the current version, writing nothing', async () => {
    const { x } = await draft('ttp');
    const { body } = await t.gql(`mutation($id: ID!) { updateExplainer(id: $id, expectedVersion: 7, input: { title: "Stale" }) { version } }`, { id: x.id }, keys.editor);
    expect(body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1, argument: 'expectedVersion' });
    const after = (await ok(t, `query($id: ID!) { node(id: $id, preview: true) { ... on Explainer { title version } } }`, { id: x.id }, keys.editor)).node;
    expect(after).toEqual({ title: 'What is ttp?', version: 1 });
  });

  it('lets exactly one of many concurrent writers win each round, losing no update', async () => {
    const { x } = await draft('concurrent');
    const rounds = 5;
    const writers = 8;
    let version = 1;
    for (let round = 0; round < rounds; round++) {
      const results = await Promise.all(
        Array.from({ length: writers }, (_, w) =>
          t.gql(`mutation($id: ID!, $v: Int!, $s: String!) { updateExplainer(id: $id, expectedVersion: $v, input: { summary: $s }) { version summary } }`, { id: x.id, v: version, s: `round ${round} writer ${w}` }, keys.editor),
        ),
      );
      const winners = results.filter((r) => r.body.data?.updateExplainer);
      const losers = results.filter((r) => r.body.errors);
      expect(winners).toHaveLength(1);
      expect(losers.map((r) => r.body.errors![0].extensions!.code)).toEqual(Array(writers - 1).fill('CONFLICT'));
      version = winners[0].body.data.updateExplainer.version;
      expect(version).toBe(round + 2);
      const now = (await ok(t, `query($id: ID!) { node(id: $id, preview: true) { ... on Explainer { summary } } }`, { id: x.id }, keys.editor)).node;
      expect(now.summary).toBe(winners[0].body.data.updateExplainer.summary);
    }
    const node = (await ok(t, `query($id: ID!) { node(id: $id, preview: true) { ... on Explainer { version revisions { version } } } }`, { id: x.id }, keys.editor)).node;
    expect(node.version).toBe(rounds + 1);
    expect(node.revisions.map((r: any) => r.version)).toEqual(Array.from({ length: rounds + 1 }, (_, i) => rounds + 1 - i));
  });

  it('lets exactly one of many concurrent editors of an entity win each round, losing no update', async () => {
    const { entity } = await draft('contested');
    const writers = 8;
    let version = 1;
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(
        Array.from({ length: writers }, (_, w) =>
          t.gql(`mutation($id: ID!, $v: Int!, $d: String!) { updateEntity(id: $id, expectedVersion: $v, input: { description: $d }) { version description } }`, { id: entity.id, v: version, d: `round ${round} writer ${w}` }, keys.editor),
        ),
      );
      const winners = results.filter((r) => r.body.data?.updateEntity);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.body.errors).map((r) => r.body.errors![0].extensions)).toEqual(Array(writers - 1).fill(expect.objectContaining({ code: 'CONFLICT', currentVersion: version + 1 })));
      version = winners[0].body.data.updateEntity.version;
      expect(version).toBe(round + 2);
      const now = (await ok(t, `query($id: ID!) { node(id: $id, preview: true) { ... on Entity { description } } }`, { id: entity.id }, keys.editor)).node;
      expect(now.description).toBe(winners[0].body.data.updateEntity.description);
    }
  });

  it.each([
    ['an unknown entity id', { blocks: [{ paragraph: { text: 'Some text', marks: [{ start: 0, end: 4, entity: Buffer.from('Entity:00000000-0000-4000-8000-000000000000').toString('base64url') }] } }] }, ['section', 'blocks', 0, 'paragraph', 'marks', 0, 'entity']],
    ['a malformed source id', { blocks: [{ paragraph: { text: 'Some text', marks: [{ start: 0, end: 4, source: 'nope' }] } }] }, ['section', 'blocks', 0, 'paragraph', 'marks', 0, 'source']],
    ['an empty paragraph', { blocks: [{ paragraph: { text: 'Fine.' } }, { paragraph: { text: '   ' } }] }, ['section', 'blocks', 1, 'paragraph', 'text']],
    ['an over-long paragraph', { blocks: [{ paragraph: { text: 'x'.repeat(10_001) } }] }, ['section', 'blocks', 0, 'paragraph', 'text']],
    ['a mark outside its paragraph', { blocks: [{ paragraph: { text: 'Short', marks: [{ start: 2, end: 40, source: 'SOURCE' }] } }] }, ['section', 'blocks', 0, 'paragraph', 'marks', 0]],
    ['a mark of two kinds', { blocks: [{ paragraph: { text: 'Short', marks: [{ start: 0, end: 2, source: 'SOURCE', entity: 'ENTITY' }] } }] }, ['section', 'blocks', 0, 'paragraph', 'marks', 0]],
    ['a block of neither kind', { blocks: [{}] }, ['section', 'blocks', 0]],
    ['a bad slug', { slug: 'Not A Slug', blocks: [{ paragraph: { text: 'x' } }] }, ['section', 'slug']],
  ])('rejects a section with %s, naming the path', async (_what, partial, path) => {
    const { x } = await draft(`bad-${path.length}-${Math.random().toString(36).slice(2, 7)}`);
    const section = JSON.parse(JSON.stringify({ slug: 'overview', ...partial }).replace(/"SOURCE"/g, JSON.stringify(conversation)).replace(/"ENTITY"/g, JSON.stringify(isisK)));
    const { body } = await t.gql(PUT_SECTION, { x: x.id, v: 1, s: section }, keys.editor);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'section', field: path });
    const after = (await ok(t, `query($id: ID!) { node(id: $id, preview: true) { ... on Explainer { version sections { slug } } } }`, { id: x.id }, keys.editor)).node;
    expect(after).toEqual({ version: 1, sections: [] });
  });

  it('refuses an alias that names another entity with CONFLICT, and the whole mutation with it', async () => {
    const { body } = await t.gql(CREATE_ENTITY, { input: { slug: 'copycat', kind: 'ORGANIZATION', name: 'Copycat', description: 'd', summary: 's', aliases: ['Copy Cat Group', 'iskp'] } }, keys.editor);
    expect(body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', argument: 'input', field: ['input', 'aliases', 1] });
    const found = await ok(t, '{ entity(slug: "copycat", preview: true) { name } e2: entity(name: "Copy Cat Group", preview: true) { name } }', {}, keys.editor);
    expect(found).toEqual({ entity: null, e2: null });
  });

  it('merges two entities: aliases, relations and mentions move, and the old id resolves to the new entity', async () => {
    const dup = (await ok(t, CREATE_ENTITY, { input: { slug: 'iskp-duplicate', kind: 'ORGANIZATION', name: 'Wilayat Khorasan', description: 'd', summary: 's', aliases: ['Khorasan Province'] } }, keys.editor)).createEntity;
    const { x } = await draft('merge-check');
    await ok(t, PUT_SECTION, { x: x.id, v: 1, s: { slug: 'overview', blocks: [{ paragraph: { text: 'Wilayat Khorasan struck.', marks: [{ start: 0, end: 16, entity: dup.id }] } }] } }, keys.editor);
    await ok(t, `mutation($s: ID!, $o: ID!) { addRelation(input: { subject: $s, predicate: OPERATES_IN, object: $o }) { id } }`, { s: dup.id, o: (await t.gql('{ entity(slug: "kabul") { id } }')).body.data.entity.id }, keys.editor);
    expect((await t.gql(`mutation($f: ID!, $i: ID!) { mergeEntities(from: $f, into: $i) { slug } }`, { f: dup.id, i: isisK }, keys.editor)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const merged = (await ok(t, `mutation($f: ID!, $i: ID!) { mergeEntities(from: $f, into: $i) { slug aliases { name } relations { predicate object { slug } } } }`, { f: dup.id, i: isisK }, keys.publisher)).mergeEntities;
    expect(merged.slug).toBe('isis-k');
    expect(merged.aliases.map((a: any) => a.name)).toEqual(expect.arrayContaining(['Wilayat Khorasan', 'Khorasan Province', 'ISKP']));
    expect(merged.relations).toContainEqual({ predicate: 'OPERATES_IN', object: { slug: 'kabul' } });
    const old = await ok(t, `query($id: ID!) { node(id: $id) { ... on Entity { slug } } entity(id: $id) { slug } bySlug: entity(slug: "iskp-duplicate") { slug } }`, { id: dup.id }, {});
    expect(old).toEqual({ node: { slug: 'isis-k' }, entity: { slug: 'isis-k' }, bySlug: { slug: 'isis-k' } });
    const mentions = (await ok(t, `query($id: ID!) { node(id: $id, preview: true) { ... on Explainer { version sections { mentions { text entity { slug } } } } } }`, { id: x.id }, keys.editor)).node;
    expect(mentions).toEqual({ version: 3, sections: [{ mentions: [{ text: 'Wilayat Khorasan', entity: { slug: 'isis-k' } }] }] });
  });

  it('answers a malformed, unknown or revoked key with 401 UNAUTHENTICATED', async () => {
    const admin = keys.admin;
    const created = (await ok(t, 'mutation { createApiKey(name: "short-lived", role: EDITOR) { key { id prefix } secret } }', {}, admin)).createApiKey;
    expect(created.secret).toMatch(new RegExp(`^bsk_${created.key.prefix}_`));
    const q = '{ explainer(slug: "what-is-isis-k") { title } }';
    expect((await t.gql(q, {}, { authorization: `Bearer ${created.secret}` })).status).toBe(200);
    await ok(t, 'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: created.key.id }, admin);
    for (const authorization of [`Bearer ${created.secret}`, 'Bearer nonsense', `Bearer ${created.secret.slice(0, -1)}A`, 'Basic abc']) {
      const { status, body } = await t.gql(q, {}, { authorization });
      expect(status).toBe(401);
      expect(body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const listed = (await ok(t, '{ apiKeys { name revokedAt lastUsedAt } }', {}, admin)).apiKeys;
    expect(listed.find((k: any) => k.name === 'short-lived')).toMatchObject({ revokedAt: expect.any(String), lastUsedAt: expect.any(String) });
  });
});
