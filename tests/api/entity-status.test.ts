/** A CMS reads whether an entity is published from its status, as it does for an explainer. */
import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';

describe.each(databases)('Entity.status (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is DRAFT when created, PUBLISHED once published, DRAFT again when unpublished', async () => {
    const keys = await keysFor(t);
    const created = (await ok(t, 'mutation { createEntity(input: { slug: "status-probe", kind: ORGANIZATION, name: "Status Probe", aliases: [], description: "d", summary: "s" }) { id status } }', {}, keys.editor)).createEntity;
    expect(created.status).toBe('DRAFT');
    const id = created.id as string;
    expect((await ok(t, 'mutation($id: ID!) { publishEntity(id: $id) { status } }', { id }, keys.publisher)).publishEntity.status).toBe('PUBLISHED');
    expect((await ok(t, '{ entity(slug: "status-probe") { status } }', {}, {})).entity.status).toBe('PUBLISHED');
    expect((await ok(t, 'mutation($id: ID!) { unpublishEntity(id: $id) { status } }', { id }, keys.publisher)).unpublishEntity.status).toBe('DRAFT');
    expect((await ok(t, '{ entity(slug: "status-probe") { status } }', {}, {})).entity).toBeNull();
  });
});
