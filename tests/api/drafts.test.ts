import { addAlias } from '../../api/store/alias.store';
import { createEntity } from '../../api/store/entity.store';
import { createExplainer } from '../../api/store/explainer.store';
import { replaceSections } from '../../api/store/section.store';
import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';

describe.each(databases)('drafts (%s)', (database) => {
  let t: TestApp;
  let draftExplainerGlobalId: string;
  let draftEntityGlobalId: string;
  beforeAll(async () => {
    t = await startApp(database);
    const db = t.app.db;
    const entity = await createEntity(db, {
      slug: 'al-shabaab', kind: 'ORGANIZATION', name: 'Al-Shabaab', description: 'Draft entity Zanzibarqua', summary: 'Draft summary Zanzibarqua',
    });
    await addAlias(db, entity.id, { name: 'Harakat al-Shabaab', locale: 'en' });
    const explainer = await createExplainer(db, {
      slug: 'what-is-al-shabaab', locale: 'en', title: 'What is Al-Shabaab?', headline: 'Zanzibarqua headline', summary: 'Zanzibarqua summary', subjectId: entity.id,
    }, { keyId: null });
    await db.transaction().execute((trx) =>
      replaceSections(trx, { explainerId: explainer.id, actor: { keyId: null }, action: 'test' }, [
        { slug: 'overview', body: { blocks: [{ type: 'paragraph', text: 'Al-Shabaab Zanzibarqua', marks: [{ type: 'mention', start: 0, end: 10, entityId: entity.id }] }] } },
      ]),
    );
    draftExplainerGlobalId = Buffer.from(`Explainer:${explainer.id}`).toString('base64url');
    draftEntityGlobalId = Buffer.from(`Entity:${entity.id}`).toString('base64url');
  });
  afterAll(() => t.close());

  it('hides a draft explainer from explainer(slug)', async () => {
    expect((await t.gql('{ explainer(slug: "what-is-al-shabaab") { title } }')).body).toEqual({ data: { explainer: null } });
  });

  it('hides drafts from the explainers and entities listings', async () => {
    const { body } = await t.gql('{ explainers(first: 100) { nodes { slug } } entities(first: 100) { nodes { slug } } }');
    expect(body.data.explainers.nodes.map((n: any) => n.slug)).toEqual(['what-is-isis-k']);
    expect(body.data.entities.nodes.map((n: any) => n.slug)).not.toContain('al-shabaab');
  });

  it('hides a draft entity from entity(slug), entity(name) and entity(id)', async () => {
    const { body } = await t.gql(`{ a: entity(slug: "al-shabaab") { name } b: entity(name: "Harakat al-Shabaab") { name } c: entity(id: "${draftEntityGlobalId}") { name } }`);
    expect(body).toEqual({ data: { a: null, b: null, c: null } });
  });

  it('hides drafts from search', async () => {
    const { body } = await t.gql('{ search(query: "Zanzibarqua") { edges { score } } s2: search(query: "shabaab") { edges { score } } }');
    expect(body.data.search.edges).toEqual([]);
    expect(body.data.s2.edges).toEqual([]);
  });

  it('hides drafts from node(id)', async () => {
    const { body } = await t.gql(`{ a: node(id: "${draftExplainerGlobalId}") { id } b: node(id: "${draftEntityGlobalId}") { id } }`);
    expect(body).toEqual({ data: { a: null, b: null } });
  });

  it('hides drafts from contextBox, by explainer and by entity alias', async () => {
    const { body } = await t.gql('{ a: contextBox(explainer: "what-is-al-shabaab") { question } b: contextBox(entity: "Al-Shabaab") { question } }');
    expect(body).toEqual({ data: { a: null, b: null } });
  });

  it('still serves published content beside the drafts', async () => {
    const { body } = await t.gql('{ contextBox(entity: "ISKP") { question } }');
    expect(body.data.contextBox.question).toBe('What is ISIS-K?');
  });
});
