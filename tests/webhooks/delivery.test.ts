/**
 * Standard Webhooks on every release, as a receiver sees them: a real HTTP server on 127.0.0.1
 * (listed in WEBHOOK_ALLOWED_HOSTS), signatures checked with the reference library.
 */
import { Webhook } from 'standardwebhooks';
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { keysFor, ok } from '../setup/editorial';
import { type WebhookReceiver, startReceiver } from '../setup/webhook-receiver';
import { createEndpoint, deliveries, endpointById, eventually, republishEntity, verified } from './helpers';

const rawId = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];

describe.each(databases)('webhook delivery (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;
  const receivers: WebhookReceiver[] = [];
  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const r = await startReceiver(...args);
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    t = await startApp(database, {
      publicUrl: 'https://backstory.example.org',
      webhookAllowedHosts: ['127.0.0.1'],
      webhookRetryScheduleMs: [200],
      webhookTimeoutMs: 1_000,
      webhookPollIntervalMs: 200,
    });
    keys = await keysFor(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    for (const r of receivers) await r.close();
  });
  // Each test's endpoint goes with it, so that later publishes are not sent to a closed receiver.
  const endpoints: string[] = [];
  afterEach(async () => {
    for (const id of endpoints.splice(0)) await t.gql('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }', { id }, keys.admin);
  });
  const endpoint = async (input: Record<string, unknown>) => {
    const created = await createEndpoint(t, keys.admin, input);
    endpoints.push(created.endpoint.id);
    return created;
  };

  it('posts a signed Standard Webhook after a publish, with a small payload naming the release', async () => {
    const r = await receiver();
    const { endpoint: e, secret } = await endpoint({ url: r.url, events: ['ENTITY_PUBLISHED'], description: 'CMS cache' });
    expect(e).toMatchObject({ url: r.url, events: ['ENTITY_PUBLISHED'], status: 'ENABLED', description: 'CMS cache' });
    const id = await republishEntity(t, keys.publisher, 'kabul');

    const [webhook] = await r.waitFor(1);
    expect(webhook.headers['content-type']).toBe('application/json');
    expect(webhook.headers['webhook-id']).toMatch(/^msg_\d+$/);
    expect(webhook.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const payload = verified(secret, webhook);
    expect(payload).toEqual({
      type: 'entity.published',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        id,
        slug: 'kabul',
        locale: null,
        release: expect.any(Number),
        url: 'https://backstory.example.org/entities/kabul',
        surrogateKeys: expect.arrayContaining([`entity:${rawId(id)}`]),
      },
    });
    // Subscribed to entity.published only: the unpublish before it was not sent.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.received.map((w) => JSON.parse(w.body).type)).toEqual(['entity.published']);
    const { nodes } = await eventually(async () => {
      const page = await deliveries(t, keys.admin, e.id);
      return page.nodes[0]?.status === 'SUCCEEDED' && page;
    });
    expect(nodes).toEqual([expect.objectContaining({ eventType: 'ENTITY_PUBLISHED', webhookId: webhook.headers['webhook-id'], attempts: 1, responseStatus: 204, nextAttemptAt: null })]);
  });

  it('sends nothing for a publish that did not commit', async () => {
    const r = await receiver();
    const { endpoint: e } = await endpoint({ url: r.url });
    const { explainer } = await ok(t, '{ explainer(slug: "what-is-isis-k", preview: true) { id version } }', {}, keys.editor);
    const stale = await t.gql('mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { version } }', { x: explainer.id, v: explainer.version - 1 }, keys.publisher);
    expect(stale.body.errors?.[0].extensions?.code).toBe('CONFLICT');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.received).toHaveLength(0);
    expect((await deliveries(t, keys.admin, e.id)).nodes).toEqual([]);
  });

  it('refuses a signature made with another secret', async () => {
    const r = await receiver();
    await endpoint({ url: r.url, events: ['ENTITY_PUBLISHED'] });
    await republishEntity(t, keys.publisher, 'kabul');
    const [webhook] = await r.waitFor(1);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(webhook.body, webhook.headers)).toThrow();
  });

  it('sends every event to an endpoint that named none: an explainer’s publish with its page', async () => {
    const r = await receiver();
    const { secret } = await endpoint({ url: r.url });
    const { explainer } = await ok(t, '{ explainer(slug: "what-is-isis-k", preview: true) { id version } }', {}, keys.editor);
    await ok(t, 'mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { version } }', { x: explainer.id, v: explainer.version }, keys.publisher);
    const [webhook] = await r.waitFor(1);
    expect(verified(secret, webhook)).toMatchObject({
      type: 'explainer.published',
      data: { id: explainer.id, slug: 'what-is-isis-k', locale: 'en', url: 'https://backstory.example.org/explainers/what-is-isis-k' },
    });
  });

  it('sends the event again to a receiver that fails 3 times, with the same webhook-id, until it succeeds', async () => {
    let calls = 0;
    const r = await receiver((_req, res) => res.writeHead(++calls <= 3 ? 500 : 200).end(calls <= 3 ? 'not now' : 'ok'));
    const { endpoint: e, secret } = await endpoint({ url: r.url, events: ['ENTITY_PUBLISHED'] });
    await republishEntity(t, keys.publisher, 'kabul');
    const attempts = await r.waitFor(4);
    expect(new Set(attempts.map((w) => w.headers['webhook-id'])).size).toBe(1);
    for (const w of attempts) verified(secret, w);
    // The body is the same bytes every time; only the timestamp (and so the signature) is the attempt's.
    expect(new Set(attempts.map((w) => w.body)).size).toBe(1);
    // Jittered by at most ±20% around the configured 200 ms.
    for (let i = 1; i < 4; i++) expect(attempts[i].at - attempts[i - 1].at).toBeGreaterThanOrEqual(150);
    const delivery = await eventually(async () => {
      const [d] = (await deliveries(t, keys.admin, e.id)).nodes;
      return d?.status === 'SUCCEEDED' && d;
    });
    expect(delivery).toMatchObject({ attempts: 4, responseStatus: 200, lastError: null });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.received).toHaveLength(4);
  });

  it('disables an endpoint at once when it answers 410 Gone, and queues nothing more for it', async () => {
    const r = await receiver((_req, res) => res.writeHead(410).end());
    const { endpoint: e } = await endpoint({ url: r.url, events: ['ENTITY_PUBLISHED'] });
    await republishEntity(t, keys.publisher, 'kabul');
    await r.waitFor(1);
    const disabled = await eventually(async () => {
      const found = await endpointById(t, keys.admin, e.id);
      return found.status === 'DISABLED' && found;
    });
    expect(disabled.disabledReason).toMatch(/410/);
    await republishEntity(t, keys.publisher, 'kabul');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(r.received).toHaveLength(1);
    const { nodes } = await deliveries(t, keys.admin, e.id);
    expect(nodes.map((d: { status: string; responseStatus: number }) => [d.status, d.responseStatus])).toEqual([['FAILED', 410]]);
  });

  it('gives a slow receiver up after the timeout, and tries it again', async () => {
    let calls = 0;
    // The first answer would come after 3 s, past the 1 s the test allows (5 s by default).
    const r = await receiver((_req, res) => {
      if (++calls === 1) setTimeout(() => res.writeHead(200).end(), 3_000).unref();
      else res.writeHead(204).end();
    });
    const { endpoint: e } = await endpoint({ url: r.url, events: ['ENTITY_PUBLISHED'] });
    await republishEntity(t, keys.publisher, 'kabul');
    const [first, second] = await r.waitFor(2);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.at - first.at).toBeGreaterThanOrEqual(1_000 + 150);
    expect(second.at - first.at).toBeLessThan(2_900);
    const delivery = await eventually(async () => {
      const [d] = (await deliveries(t, keys.admin, e.id)).nodes;
      return d?.status === 'SUCCEEDED' && d;
    });
    expect(delivery.attempts).toBe(2);
  });

  it('reads at most 64 KB of an answer, even one that never ends', async () => {
    let closed = false;
    let written = 0;
    const r = await receiver((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!closed) {
          written += chunk.length;
          if (!res.write(chunk)) return;
        }
      };
      res.on('drain', pump);
      res.on('close', () => (closed = true));
      pump();
    });
    const { endpoint: e } = await endpoint({ url: r.url, events: ['ENTITY_PUBLISHED'] });
    await republishEntity(t, keys.publisher, 'kabul');
    const delivery = await eventually(async () => {
      const [d] = (await deliveries(t, keys.admin, e.id)).nodes;
      return d?.status === 'SUCCEEDED' && d;
    });
    expect(delivery).toMatchObject({ attempts: 1, responseStatus: 200 });
    await eventually(async () => closed);
    expect(written).toBeGreaterThanOrEqual(64 * 1024);
  });

  it('refuses, at delivery, a name that resolves to a loopback address not listed', async () => {
    const r = await receiver();
    const port = new URL(r.url).port;
    // https and a name: nothing to refuse when it is saved. localhost is not listed; 127.0.0.1 is.
    const { endpoint: e } = await endpoint({ url: `https://localhost:${port}/hooks/backstory`, events: ['ENTITY_PUBLISHED'] });
    await republishEntity(t, keys.publisher, 'kabul');
    const delivery = await eventually(async () => {
      const [d] = (await deliveries(t, keys.admin, e.id)).nodes;
      return d?.lastError && d;
    });
    expect(delivery.lastError).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), a private, loopback or link-local address/);
    expect(delivery.responseStatus).toBeNull();
    expect(r.received).toHaveLength(0);
  });

  it('refuses, when saved, plain http to a host not listed and a private address not listed', async () => {
    for (const url of ['http://hooks.example.org/backstory', 'https://10.1.2.3/hook', 'https://[::1]/hook', 'https://[::ffff:127.0.0.1]/hook', 'https://[::127.0.0.1]/', 'https://169.254.169.254/latest', 'https://[fd00::1]/', 'https://100.64.0.1/', 'ftp://hooks.example.org/', 'https://user:pw@hooks.example.org/', 'not a url']) {
      const { body } = await t.gql('mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }', { input: { url } }, keys.admin);
      expect([url, body.errors?.[0]?.extensions]).toEqual([url, expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'input', field: ['input', 'url'] })]);
    }
    const { webhookEndpoints } = await ok(t, '{ webhookEndpoints { url } }', {}, keys.admin);
    expect(webhookEndpoints).toEqual([]);
  });
});
