/** Managing webhook endpoints: secrets shown once, rotation with a grace period, disabling, redelivery, pages of deliveries. */
import { Webhook } from 'standardwebhooks';
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { keysFor, ok } from '../setup/editorial';
import { type WebhookReceiver, startReceiver } from '../setup/webhook-receiver';
import { ENDPOINT_FIELDS, createEndpoint, deliveries, endpointById, eventually, republishEntity, verified } from './helpers';

describe.each(databases)('webhook endpoints (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;
  let r: WebhookReceiver;

  beforeAll(async () => {
    t = await startApp(database, { webhookAllowedHosts: ['127.0.0.1'], webhookRetryScheduleMs: [200], webhookPollIntervalMs: 200, webhookSecretGraceMs: 60_000 });
    keys = await keysFor(t);
  }, 60_000);
  beforeEach(async () => {
    r = await startReceiver();
  });
  afterEach(async () => {
    const { webhookEndpoints } = await ok(t, '{ webhookEndpoints { id } }', {}, keys.admin);
    for (const { id } of webhookEndpoints) await ok(t, 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }', { id }, keys.admin);
    await r.close();
  });
  afterAll(() => t?.close());

  it('makes a whsec_ secret of 32 random bytes, shown only when it is made', async () => {
    const { endpoint, secret } = await createEndpoint(t, keys.admin, { url: r.url });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(endpoint).toMatchObject({ events: null, status: 'ENABLED', description: '' });
    const other = await createEndpoint(t, keys.admin, { url: r.url });
    expect(other.secret).not.toBe(secret);
    const { body } = await t.gql('{ webhookEndpoints { secret } }', {}, keys.admin);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('signs with the old and the new secret during the grace period after a rotation', async () => {
    const { endpoint, secret: old } = await createEndpoint(t, keys.admin, { url: r.url, events: ['ENTITY_PUBLISHED'] });
    const rotated = (await ok(t, `mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret endpoint { ${ENDPOINT_FIELDS} } } }`, { id: endpoint.id }, keys.admin))
      .rotateWebhookEndpointSecret;
    expect(rotated.secret).not.toBe(old);
    expect(Date.parse(rotated.endpoint.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(50_000);
    await republishEntity(t, keys.publisher, 'kabul');
    const [webhook] = await r.waitFor(1);
    expect(webhook.headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    expect(verified(old, webhook).type).toBe('entity.published');
    expect(verified(rotated.secret, webhook).type).toBe('entity.published');
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(webhook.body, webhook.headers)).toThrow();
  });

  it('sends nothing to a disabled endpoint, nor queues anything for it, and sends again once enabled', async () => {
    const { endpoint } = await createEndpoint(t, keys.admin, { url: r.url, events: ['ENTITY_PUBLISHED'] });
    const disabled = (await ok(t, 'mutation($id: ID!) { disableWebhookEndpoint(id: $id) { status disabledReason } }', { id: endpoint.id }, keys.admin)).disableWebhookEndpoint;
    expect(disabled).toEqual({ status: 'DISABLED', disabledReason: 'disabled by an admin' });
    await republishEntity(t, keys.publisher, 'kabul');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(r.received).toHaveLength(0);
    expect((await deliveries(t, keys.admin, endpoint.id)).nodes).toEqual([]);
    await ok(t, 'mutation($id: ID!) { enableWebhookEndpoint(id: $id) { status } }', { id: endpoint.id }, keys.admin);
    await republishEntity(t, keys.publisher, 'kabul');
    await r.waitFor(1);
  });

  it('changes the URL and the events of an endpoint', async () => {
    const other = await startReceiver();
    try {
      const { endpoint } = await createEndpoint(t, keys.admin, { url: r.url, events: ['EXPLAINER_PUBLISHED'] });
      const updated = (await ok(t, 'mutation($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { url events description } }', { id: endpoint.id, input: { url: other.url, events: ['ENTITY_UNPUBLISHED'], description: 'moved' } }, keys.admin))
        .updateWebhookEndpoint;
      expect(updated).toEqual({ url: other.url, events: ['ENTITY_UNPUBLISHED'], description: 'moved' });
      await republishEntity(t, keys.publisher, 'kabul');
      const [webhook] = await other.waitFor(1);
      expect(JSON.parse(webhook.body).type).toBe('entity.unpublished');
      expect(r.received).toHaveLength(0);
      const refused = await t.gql('mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { url: "http://hooks.example.org/" }) { url } }', { id: endpoint.id }, keys.admin);
      expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'url'] });
    } finally {
      await other.close();
    }
  });

  it('redelivers a delivery with the same webhook-id', async () => {
    const { endpoint, secret } = await createEndpoint(t, keys.admin, { url: r.url, events: ['ENTITY_PUBLISHED'] });
    await republishEntity(t, keys.publisher, 'kabul');
    const [first] = await r.waitFor(1);
    const delivery = await eventually(async () => {
      const [d] = (await deliveries(t, keys.admin, endpoint.id)).nodes;
      return d?.status === 'SUCCEEDED' && d;
    });
    const again = (await ok(t, 'mutation($d: ID!) { redeliverWebhook(delivery: $d) { status webhookId } }', { d: delivery.id }, keys.admin)).redeliverWebhook;
    expect(again).toEqual({ status: 'PENDING', webhookId: first.headers['webhook-id'] });
    const [, second] = await r.waitFor(2);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(verified(secret, second)).toEqual(verified(secret, first));
    const after = await eventually(async () => {
      const [d] = (await deliveries(t, keys.admin, endpoint.id)).nodes;
      return d?.status === 'SUCCEEDED' && d.attempts === 2 && d;
    });
    expect(after.id).toBe(delivery.id);
    const unknown = await t.gql('mutation { redeliverWebhook(delivery: "999999") { id } }', {}, keys.admin);
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'delivery' });
  });

  it('pages through deliveries, newest first', async () => {
    const { endpoint } = await createEndpoint(t, keys.admin, { url: r.url, events: ['ENTITY_PUBLISHED', 'ENTITY_UNPUBLISHED'] });
    await republishEntity(t, keys.publisher, 'kabul');
    await republishEntity(t, keys.publisher, 'kabul');
    await r.waitFor(4);
    const first = await deliveries(t, keys.admin, endpoint.id, 3);
    expect(first.nodes.map((d: { eventType: string }) => d.eventType)).toEqual(['ENTITY_PUBLISHED', 'ENTITY_UNPUBLISHED', 'ENTITY_PUBLISHED']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await deliveries(t, keys.admin, endpoint.id, 3, first.pageInfo.endCursor);
    expect(rest.nodes.map((d: { eventType: string }) => d.eventType)).toEqual(['ENTITY_UNPUBLISHED']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.nodes, ...rest.nodes].map((d: { id: string }) => Number(d.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const tooMany = await t.gql('query($e: ID!) { webhookDeliveries(endpoint: $e, first: 101) { nodes { id } } }', { e: endpoint.id }, keys.admin);
    expect(tooMany.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await t.gql('query($e: ID!) { webhookDeliveries(endpoint: $e, after: "nope") { nodes { id } } }', { e: endpoint.id }, keys.admin);
    expect(badCursor.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('deletes an endpoint with its deliveries, and says so for an unknown one', async () => {
    const { endpoint } = await createEndpoint(t, keys.admin, { url: r.url });
    await ok(t, 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }', { id: endpoint.id }, keys.admin);
    expect(await endpointById(t, keys.admin, endpoint.id)).toBeUndefined();
    const again = await t.gql('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }', { id: endpoint.id }, keys.admin);
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
    const listing = await t.gql('query($e: ID!) { webhookDeliveries(endpoint: $e) { nodes { id } } }', { e: endpoint.id }, keys.admin);
    expect(listing.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'endpoint' });
    const badEvent = await t.gql('mutation { createWebhookEndpoint(input: { url: "https://hooks.example.org/", events: [NOT_AN_EVENT] }) { secret } }', {}, keys.admin);
    expect(badEvent.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
