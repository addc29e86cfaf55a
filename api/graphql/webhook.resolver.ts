import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { StoreInputError } from '../store/errors';
import {
  type WebhookEndpoint as EndpointRecord,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookEndpointSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from '../store/webhook-endpoint.store';
import { type WebhookDelivery as DeliveryRecord, listWebhookDeliveries, redeliver } from '../store/webhook-delivery.store';
import { webhookUrlChecker } from '../webhooks/destination';
import { requireRole } from './auth';
import { toConnection } from './connection.type';
import type { Context } from './context';
import { checkFirst, pageSize } from './validate';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook.input';
import { WebhookDelivery, WebhookDeliveryConnection, WebhookEndpoint, WebhookEndpointStatus, WebhookEndpointWithSecret } from './webhook.type';
import { write } from './write';

const toEndpoint = (e: EndpointRecord) => ({
  ...e,
  status: e.disabledAt ? WebhookEndpointStatus.DISABLED : e.failing ? WebhookEndpointStatus.FAILING : WebhookEndpointStatus.ENABLED,
});

const toDelivery = (d: DeliveryRecord) => ({ ...d, webhookId: d.messageId });

@ArgsType()
class WebhookDeliveriesArgs {
  @Field(() => ID)
  endpoint!: string;

  @Field(() => Int, { defaultValue: pageSize.default, description: '1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver()
export class WebhookResolver {
  @Query(() => [WebhookEndpoint], { description: 'Every webhook endpoint, disabled ones included. Admin.' })
  async webhookEndpoints(@Ctx() ctx: Context) {
    requireRole(ctx, 'admin');
    return (await listWebhookEndpoints(ctx.db)).map(toEndpoint);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'The endpoint\'s deliveries, newest first. Admin.' })
  async webhookDeliveries(@Args() { endpoint, first, after }: WebhookDeliveriesArgs, @Ctx() ctx: Context) {
    requireRole(ctx, 'admin');
    checkFirst('first', first);
    if (!(await findWebhookEndpoint(ctx.db, endpoint))) throw new StoreInputError(['endpoint'], 'no webhook endpoint with this id', 'not_found');
    const page = await listWebhookDeliveries(ctx.db, endpoint, { first, after });
    return toConnection({ ...page, items: page.items.map((i) => ({ ...i, node: toDelivery(i.node) })) });
  }

  @Mutation(() => WebhookEndpointWithSecret, { description: 'Release events are posted to it from now on. The secret is shown this once. Admin.' })
  createWebhookEndpoint(@Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() ctx: Context) {
    return write(ctx, 'admin', async (db) => {
      const created = await createWebhookEndpoint(db, input, webhookUrlChecker(ctx.config.webhookAllowedHosts));
      return { ...created, endpoint: toEndpoint(created.endpoint) };
    });
  }

  @Mutation(() => WebhookEndpoint, { description: 'Admin.' })
  updateWebhookEndpoint(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput, @Ctx() ctx: Context) {
    return write(ctx, 'admin', async (db) => toEndpoint(await updateWebhookEndpoint(db, id, input, webhookUrlChecker(ctx.config.webhookAllowedHosts))));
  }

  @Mutation(() => WebhookEndpoint, { description: 'Nothing is sent to it, nor queued for it, until it is enabled. Admin.' })
  disableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return write(ctx, 'admin', async (db) => toEndpoint(await setWebhookEndpointEnabled(db, id, false)));
  }

  @Mutation(() => WebhookEndpoint, { description: 'Sends what is still pending for it, and what comes next; clears FAILING. Admin.' })
  enableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return write(ctx, 'admin', async (db) => toEndpoint(await setWebhookEndpointEnabled(db, id, true)));
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'A new secret, shown this once. The old one also signs (a second v1 signature) for WEBHOOK_SECRET_GRACE, so receivers can switch. Admin.',
  })
  rotateWebhookEndpointSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return write(ctx, 'admin', async (db) => {
      const rotated = await rotateWebhookEndpointSecret(db, id, ctx.config.webhookSecretGraceMs);
      return { ...rotated, endpoint: toEndpoint(rotated.endpoint) };
    });
  }

  @Mutation(() => WebhookEndpoint, { description: 'Deletes the endpoint and its deliveries. Admin.' })
  deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return write(ctx, 'admin', async (db) => toEndpoint(await deleteWebhookEndpoint(db, id)));
  }

  @Mutation(() => WebhookDelivery, { description: 'Sends the delivery again now, with the same webhook-id and a fresh retry window. Admin.' })
  redeliverWebhook(@Arg('delivery', () => ID) delivery: string, @Ctx() ctx: Context) {
    return write(ctx, 'admin', async (db) => toDelivery(await redeliver(db, delivery)));
  }
}
