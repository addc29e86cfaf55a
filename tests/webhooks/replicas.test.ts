/** Replicas on one PostgreSQL share the outbox: each delivery is claimed (SKIP LOCKED) and sent by one of them. */
import pino from 'pino';
import { type App, createApp } from '../../api';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';
import { describeOnPostgres } from '../setup/requirements';
import { type WebhookReceiver, startReceiver } from '../setup/webhook-receiver';
import { createEndpoint, deliveries, eventually } from './helpers';

describeOnPostgres('webhooks from replicas on one store (postgres)', () => {
  const webhookConfig = { webhookAllowedHosts: ['127.0.0.1'], webhookRetryScheduleMs: [200], webhookPollIntervalMs: 50 };
  let a: TestApp;
  let b: App;
  let r: WebhookReceiver;
  beforeAll(async () => {
    a = await startApp('postgres', { ...webhookConfig, mutationsPerMinute: 10_000 });
    b = await createApp(
      { nodeEnv: 'test', databaseUrl: a.app.config.databaseUrl, databaseSchema: a.app.config.databaseSchema, schedulerIntervalMs: 3_600_000, ...webhookConfig },
      { logger: pino({ level: 'silent' }) },
    );
    // Slow enough that both replicas are sending at once.
    r = await startReceiver((_req, res) => setTimeout(() => res.writeHead(204).end(), 30));
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await r?.close();
  });

  it('delivers each event once', async () => {
    const keys = await keysFor(a);
    const { endpoint } = await createEndpoint(a, keys.admin, { url: r.url });
    const { entity } = await ok(a, '{ entity(slug: "kabul", preview: true) { id } }', {}, keys.publisher);
    const events = 40;
    for (let i = 0; i < events / 2; i++) {
      await ok(a, 'mutation($id: ID!) { unpublishEntity(id: $id) { id } }', { id: entity.id }, keys.publisher);
      await ok(a, 'mutation($id: ID!) { publishEntity(id: $id) { id } }', { id: entity.id }, keys.publisher);
    }
    await r.waitFor(events);
    await eventually(async () => {
      const page = await deliveries(a, keys.admin, endpoint.id, 100);
      return page.nodes.length === events && page.nodes.every((d: { status: string }) => d.status === 'SUCCEEDED');
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ids = r.received.map((w) => w.headers['webhook-id']);
    expect(ids).toHaveLength(events);
    expect(new Set(ids).size).toBe(events);
    expect(b).toBeDefined();
  });
});
