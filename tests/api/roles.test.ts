import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor } from '../setup/editorial';

const gid = (type: string) => Buffer.from(`${type}:00000000-0000-4000-8000-000000000000`).toString('base64url');
const X = gid('Explainer');
const E = gid('Entity');
const S = gid('Source');
const U = '00000000-0000-4000-8000-000000000000';

/** Every mutation with arguments naming targets that do not exist, and the least role it needs. */
const mutations: Array<[string, 'editor' | 'publisher' | 'admin', string]> = [
  ['createExplainer', 'editor', `createExplainer(input: { slug: "role-check", title: "T", headline: "H", summary: "S" }) { id }`],
  ['updateExplainer', 'editor', `updateExplainer(id: "${X}", expectedVersion: 1, input: { title: "T" }) { id }`],
  ['setExplainerSubject', 'editor', `setExplainerSubject(id: "${X}", expectedVersion: 1, subject: null) { id }`],
  ['putSection', 'editor', `putSection(explainer: "${X}", expectedVersion: 1, section: { slug: "s", blocks: [{ paragraph: { text: "x" } }] }) { id }`],
  ['removeSection', 'editor', `removeSection(explainer: "${X}", expectedVersion: 1, slug: "s") { id }`],
  ['reorderSections', 'editor', `reorderSections(explainer: "${X}", expectedVersion: 1, slugs: []) { id }`],
  ['createQuote', 'editor', `createQuote(explainer: "${X}", expectedVersion: 1, input: { speakers: [] }) { id }`],
  ['restoreRevision', 'editor', `restoreRevision(explainer: "${X}", expectedVersion: 1, version: 1) { id }`],
  ['publishExplainer', 'publisher', `publishExplainer(id: "${X}", expectedVersion: 1) { id }`],
  ['unpublishExplainer', 'publisher', `unpublishExplainer(id: "${X}", expectedVersion: 1) { id }`],
  ['archiveExplainer', 'publisher', `archiveExplainer(id: "${X}", expectedVersion: 1) { id }`],
  ['addCorrection', 'publisher', `addCorrection(explainer: "${X}", expectedVersion: 1, text: "c") { text }`],
  ['schedulePublish', 'publisher', `schedulePublish(id: "${X}", expectedVersion: 1, at: "2030-01-01T00:00:00Z") { id }`],
  ['cancelScheduledPublish', 'publisher', `cancelScheduledPublish(id: "${X}") { id }`],
  ['createEntity', 'editor', `createEntity(input: { slug: "role-check", kind: OTHER, name: "Role Check", description: "d", summary: "s" }) { id }`],
  ['updateEntity', 'editor', `updateEntity(id: "${E}", expectedVersion: 1, input: { name: "N" }) { id }`],
  ['addAlias', 'editor', `addAlias(entity: "${E}", name: "Alias") { id }`],
  ['removeAlias', 'editor', `removeAlias(entity: "${E}", name: "Alias") { id }`],
  ['addFact', 'editor', `addFact(entity: "${E}", input: { kind: "K", label: "L", value: "V" }) { id }`],
  ['removeFact', 'editor', `removeFact(id: "${U}")`],
  ['addRelation', 'editor', `addRelation(input: { subject: "${E}", predicate: RIVAL_OF, object: "${E}" }) { id }`],
  ['removeRelation', 'editor', `removeRelation(id: "${U}")`],
  ['createSource', 'editor', `createSource(input: { slug: "role-check", kind: REPORT, name: "N" }) { id }`],
  ['citeFact', 'editor', `citeFact(fact: "${U}", source: "${S}") { id }`],
  ['citeRelation', 'editor', `citeRelation(relation: "${U}", source: "${S}") { id }`],
  ['publishEntity', 'publisher', `publishEntity(id: "${E}") { id }`],
  ['unpublishEntity', 'publisher', `unpublishEntity(id: "${E}") { id }`],
  ['mergeEntities', 'publisher', `mergeEntities(from: "${E}", into: "${E}") { id }`],
  ['createApiKey', 'admin', `createApiKey(name: "k", role: EDITOR) { secret }`],
  ['revokeApiKey', 'admin', `revokeApiKey(id: "${U}") { id }`],
  ['createWebhookEndpoint', 'admin', `createWebhookEndpoint(input: { url: "https://hooks.example.org/backstory" }) { secret }`],
  ['updateWebhookEndpoint', 'admin', `updateWebhookEndpoint(id: "${U}", input: { description: "d" }) { id }`],
  ['disableWebhookEndpoint', 'admin', `disableWebhookEndpoint(id: "${U}") { id }`],
  ['enableWebhookEndpoint', 'admin', `enableWebhookEndpoint(id: "${U}") { id }`],
  ['rotateWebhookEndpointSecret', 'admin', `rotateWebhookEndpointSecret(id: "${U}") { secret }`],
  ['deleteWebhookEndpoint', 'admin', `deleteWebhookEndpoint(id: "${U}") { id }`],
  ['redeliverWebhook', 'admin', `redeliverWebhook(delivery: "1") { id }`],
];

const order = ['none', 'editor', 'publisher', 'admin'] as const;

describe.each(databases)('roles (%s)', (database) => {
  let t: TestApp;
  let headers: Record<(typeof order)[number], Record<string, string>>;
  beforeAll(async () => {
    t = await startApp(database);
    headers = { none: {}, ...(await keysFor(t)) };
  });
  afterAll(() => t.close());

  describe.each(mutations)('%s (needs %s)', (_name, needed, field) => {
    it.each(order)('as %s', async (who) => {
      const { body } = await t.gql(`mutation { ${field} }`, {}, headers[who]);
      const code = body.errors?.[0]?.extensions?.code;
      if (who === 'none') expect(code).toBe('UNAUTHENTICATED');
      else if (order.indexOf(who) < order.indexOf(needed)) {
        // Refused before any lookup: the answer is the same whether or not the target exists.
        expect(code).toBe('FORBIDDEN');
        expect(body.errors![0].message).toBe(`this needs the ${needed} role; the key is ${who}`);
      } else expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(code);
    });
  });

  it('keeps revisions and keys from the public and from weaker keys', async () => {
    const revisions = await t.gql('{ explainer(slug: "what-is-isis-k") { revisions { version } } }');
    expect(revisions.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const keys = await t.gql('{ apiKeys { name } }', {}, headers.publisher);
    expect(keys.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('keeps webhook endpoints and deliveries to admins', async () => {
    for (const who of ['none', 'editor', 'publisher'] as const) {
      for (const query of ['{ webhookEndpoints { url } }', `{ webhookDeliveries(endpoint: "${U}") { nodes { id } } }`]) {
        const { body } = await t.gql(query, {}, headers[who]);
        expect(body.errors![0].extensions!.code).toBe(who === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
    }
  });

  it('asks for a key before showing drafts on any read path', async () => {
    for (const field of [
      'explainer(slug: "x", preview: true) { id }',
      'explainers(preview: true) { nodes { id } }',
      'entity(slug: "x", preview: true) { id }',
      'entities(preview: true) { nodes { id } }',
      'search(query: "x", preview: true) { edges { score } }',
      `node(id: "${X}", preview: true) { id }`,
      'contextBox(explainer: "x", preview: true) { question }',
    ]) {
      const { status, body } = await t.gql(`{ ${field} }`);
      expect([status, body.errors![0].extensions!.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });
});
