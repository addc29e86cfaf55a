/** An endpoint that keeps failing: retried for WEBHOOK_RETRY_FOR, then failing, then disabled after WEBHOOK_DISABLE_AFTER. */
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { keysFor } from '../setup/editorial';
import { type WebhookReceiver, startReceiver } from '../setup/webhook-receiver';
import { createEndpoint, deliveries, endpointById, eventually, republishEntity } from './helpers';

describe.each(databases)('a failing webhook endpoint (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;
  let r: WebhookReceiver;
  let healthy = false;

  beforeAll(async () => {
    t = await startApp(database, {
      webhookAllowedHosts: ['127.0.0.1'],
      webhookRetryScheduleMs: [100, 150],
      webhookRetryForMs: 3_000,
      webhookDisableAfterMs: 5_000,
      webhookPollIntervalMs: 100,
    });
    keys = await keysFor(t);
    r = await startReceiver((_req, res) => res.writeHead(healthy ? 204 : 503).end());
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await r?.close();
  });

  it('retries on the schedule (the last wait repeating) until the retry window ends, then marks the endpoint failing', async () => {
    const { endpoint } = await createEndpoint(t, keys.admin, { url: r.url, events: ['ENTITY_PUBLISHED'] });
    await republishEntity(t, keys.publisher, 'kabul');
    const delivery = await eventually(async () => {
      const [d] = (await deliveries(t, keys.admin, endpoint.id)).nodes;
      return d?.status === 'FAILED' && d;
    });
    // Within 3 s of waits of 100 then 150 ms (±20%, and however long each attempt takes): at most 26 attempts.
    expect(delivery.attempts).toBeGreaterThanOrEqual(3);
    expect(delivery.attempts).toBeLessThanOrEqual(26);
    expect(delivery).toMatchObject({ responseStatus: 503, lastError: 'HTTP 503', nextAttemptAt: null });
    expect(r.received).toHaveLength(delivery.attempts);
    const gaps = r.received.slice(1).map((w, i) => w.at - r.received[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(70);
    for (const gap of gaps.slice(1)) expect(gap).toBeGreaterThanOrEqual(110);
    // No attempt is due after the window (each arrives a moment after it was due).
    expect(r.received.at(-1)!.at - Date.parse(delivery.createdAt)).toBeLessThanOrEqual(3_000 + 500);
    expect(await endpointById(t, keys.admin, endpoint.id)).toMatchObject({ status: 'FAILING', failingSince: expect.any(String) });

    // A success clears it.
    healthy = true;
    await republishEntity(t, keys.publisher, 'kabul');
    await eventually(async () => (await endpointById(t, keys.admin, endpoint.id)).status === 'ENABLED');
    expect((await endpointById(t, keys.admin, endpoint.id)).failingSince).toBeNull();
  });

  it('disables an endpoint that has failed for longer than the disable period', async () => {
    // (its first delivery fails for good after 3 s, the endpoint is disabled after 5)
    healthy = false;
    const { endpoint } = await createEndpoint(t, keys.admin, { url: r.url, events: ['ENTITY_PUBLISHED'] });
    await republishEntity(t, keys.publisher, 'kabul');
    await eventually(async () => (await endpointById(t, keys.admin, endpoint.id)).status === 'FAILING');
    // Still failing past 5 s after its first failure: the next failed attempt disables it.
    const { failingSince } = await endpointById(t, keys.admin, endpoint.id);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(failingSince) + 5_100 - Date.now())));
    await republishEntity(t, keys.publisher, 'kabul');
    const disabled = await eventually(async () => {
      const e = await endpointById(t, keys.admin, endpoint.id);
      return e.status === 'DISABLED' && e;
    });
    expect(disabled.disabledReason).toBe('every attempt failed for too long');
  });
});
