/**
 * kill -9 of the process that is sending a webhook loses nothing: the delivery was recorded as under
 * way with a lease, and once the lease ends the next process sends it again, with the same webhook-id.
 */
import { openDatabase } from '../../api/store/dialect';
import { createKey } from '../../api/store/key.store';
import { migrateToLatest } from '../../api/store/migrate';
import { databases } from '../setup/databases';
import { type WebhookReceiver, startReceiver } from '../setup/webhook-receiver';
import { type Child, childStore, startChild } from './child';

async function keys(env: Record<string, string>): Promise<{ admin: string; publisher: string }> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, databaseSchema: env.DATABASE_SCHEMA, sqlitePath: env.SQLITE_PATH ?? ':memory:' });
  try {
    await migrateToLatest(db);
    return { admin: (await createKey(db, { name: 'admin', role: 'admin' })).secret, publisher: (await createKey(db, { name: 'publisher', role: 'publisher' })).secret };
  } finally {
    await db.destroy();
  }
}

async function gql(url: string, key: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe.each(databases)('kill -9 while a webhook is being sent (%s)', (database) => {
  const store = childStore(database);
  let child: Child | undefined;
  let r: WebhookReceiver;
  afterAll(async () => {
    await child?.cleanup();
    await store.drop();
    await r?.close();
  });

  it('sends it again after the restart, with the same webhook-id', async () => {
    const key = await keys(store.env);
    // The attempt's deadline (3 s) is long enough that the process is killed while it waits.
    const env = { ...store.env, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '3000', WEBHOOK_RETRY_SCHEDULE: '200ms', WEBHOOK_POLL_INTERVAL_MS: '200' };
    let answer = false;
    // Holds the first request open, never answering: the process is killed while it waits.
    r = await startReceiver((_req, res) => {
      if (answer) res.writeHead(204).end();
    });
    child = await startChild(env);
    const { createWebhookEndpoint } = await gql(child.url, key.admin, 'mutation($url: String!) { createWebhookEndpoint(input: { url: $url, events: [ENTITY_PUBLISHED] }) { endpoint { id } } }', { url: r.url });
    const { entity } = await gql(child.url, key.publisher, '{ entity(slug: "kabul", preview: true) { id } }');
    await gql(child.url, key.publisher, 'mutation($id: ID!) { unpublishEntity(id: $id) { id } }', { id: entity.id });
    await gql(child.url, key.publisher, 'mutation($id: ID!) { publishEntity(id: $id) { id } }', { id: entity.id });
    const [first] = await r.waitFor(1);
    child.process.kill('SIGKILL');
    await child.exited;
    const killedAt = Date.now();

    answer = true;
    child = await startChild(env);
    const [, second] = await r.waitFor(2, undefined, 20_000);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body).toBe(first.body);
    // Not before the lease (the 3 s deadline and 5 s, from its claim, a moment before it was sent) of the killed attempt ran out.
    expect(second.at - first.at).toBeGreaterThanOrEqual(7_500);
    expect(second.at).toBeGreaterThan(killedAt);
    for (;;) {
      const { webhookDeliveries } = await gql(child.url, key.admin, 'query($e: ID!) { webhookDeliveries(endpoint: $e) { nodes { status attempts webhookId } } }', { e: createWebhookEndpoint.endpoint.id });
      const [delivery] = webhookDeliveries.nodes;
      expect(webhookDeliveries.nodes).toHaveLength(1);
      expect(delivery.webhookId).toBe(first.headers['webhook-id']);
      expect(delivery.attempts).toBeGreaterThanOrEqual(2);
      if (delivery.status === 'SUCCEEDED') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 150_000);

  it('sends what was published just before a kill, once the next process starts', async () => {
    const key = await keys(store.env);
    const env = { ...store.env, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '1000', WEBHOOK_RETRY_SCHEDULE: '200ms', WEBHOOK_POLL_INTERVAL_MS: '200' };
    await r.close();
    await child?.cleanup();
    child = await startChild(env);
    // Nobody listens on the port yet: the first attempts fail, and the process is killed with the delivery pending.
    r = await startReceiver();
    const port = new URL(r.url).port;
    await r.close();
    const url = `http://127.0.0.1:${port}/hooks/backstory`;
    await gql(child.url, key.admin, 'mutation($url: String!) { createWebhookEndpoint(input: { url: $url, events: [ENTITY_UNPUBLISHED] }) { endpoint { id } } }', { url });
    const { entity } = await gql(child.url, key.publisher, '{ entity(slug: "kabul", preview: true) { id } }');
    await gql(child.url, key.publisher, 'mutation($id: ID!) { unpublishEntity(id: $id) { id } }', { id: entity.id });
    child.process.kill('SIGKILL');
    await child.exited;
    r = await startReceiver(undefined, Number(port));
    child = await startChild(env);
    const [webhook] = await r.waitFor(1, (w) => JSON.parse(w.body).type === 'entity.unpublished', 20_000);
    expect(JSON.parse(webhook.body).data.slug).toBe('kabul');
  }, 150_000);
});
