import { Webhook } from 'standardwebhooks';
import type { TestApp } from '../setup/app';
import { ok } from '../setup/editorial';
import type { ReceivedWebhook } from '../setup/webhook-receiver';

export const ENDPOINT_FIELDS = 'id url description events status disabledReason failingSince previousSecretExpiresAt';
export const DELIVERY_FIELDS = 'id eventType webhookId status attempts responseStatus lastError createdAt lastAttemptAt nextAttemptAt deliveredAt';

/** The payload, after the reference library checked its signature (it throws when none verifies). */
export function verified(secret: string, webhook: ReceivedWebhook): any {
  return new Webhook(secret).verify(webhook.body, webhook.headers);
}

export async function createEndpoint(t: TestApp, admin: Record<string, string>, input: Record<string, unknown>): Promise<{ endpoint: any; secret: string }> {
  return (await ok(t, `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`, { input }, admin))
    .createWebhookEndpoint;
}

export async function deliveries(t: TestApp, admin: Record<string, string>, endpoint: string, first = 20, after?: string): Promise<any> {
  return (await ok(t, `query($e: ID!, $first: Int!, $after: String) { webhookDeliveries(endpoint: $e, first: $first, after: $after) { nodes { ${DELIVERY_FIELDS} } pageInfo { hasNextPage endCursor } } }`, { e: endpoint, first, after }, admin))
    .webhookDeliveries;
}

export async function endpointById(t: TestApp, admin: Record<string, string>, id: string): Promise<any> {
  const { webhookEndpoints } = await ok(t, `{ webhookEndpoints { ${ENDPOINT_FIELDS} } }`, {}, admin);
  return webhookEndpoints.find((e: { id: string }) => e.id === id);
}

/** Polls until check returns something truthy (state the worker records after the receiver answered). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Unpublishes and publishes the entity: an entity.unpublished, then an entity.published event. */
export async function republishEntity(t: TestApp, publisher: Record<string, string>, slug: string): Promise<string> {
  const { entity } = await ok(t, `{ entity(slug: "${slug}", preview: true) { id } }`, {}, publisher);
  await ok(t, 'mutation($id: ID!) { unpublishEntity(id: $id) { id } }', { id: entity.id }, publisher);
  await ok(t, 'mutation($id: ID!) { publishEntity(id: $id) { id } }', { id: entity.id }, publisher);
  return entity.id;
}
