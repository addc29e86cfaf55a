import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from './connection.type';

/** The release events a webhook announces, named in GraphQL as they are in the payload's `type`. */
export enum WebhookEventType {
  EXPLAINER_PUBLISHED = 'explainer.published',
  EXPLAINER_UNPUBLISHED = 'explainer.unpublished',
  EXPLAINER_CORRECTED = 'explainer.corrected',
  EXPLAINER_SCHEDULED = 'explainer.scheduled',
  ENTITY_PUBLISHED = 'entity.published',
  ENTITY_UNPUBLISHED = 'entity.unpublished',
  ENTITY_MERGED = 'entity.merged',
}
registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'A release event; the payload names it in lower case with a dot: EXPLAINER_PUBLISHED is "explainer.published".',
});

export enum WebhookEndpointStatus {
  ENABLED = 'enabled',
  FAILING = 'failing',
  DISABLED = 'disabled',
}
registerEnumType(WebhookEndpointStatus, {
  name: 'WebhookEndpointStatus',
  description: 'FAILING: a delivery ran out of retries since the last success (deliveries go on); DISABLED: sent nothing until enabled.',
});

export enum WebhookDeliveryStatus {
  PENDING = 'pending',
  DELIVERING = 'delivering',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus', description: 'FAILED: out of retries, or the endpoint answered 410.' });

@ObjectType({ description: 'Where release events are posted, signed as Standard Webhooks. Its secret is shown only when made or rotated.' })
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field()
  description!: string;

  @Field(() => [WebhookEventType], { nullable: true, description: 'The events it takes; null for every event, including types added later.' })
  events!: WebhookEventType[] | null;

  @Field(() => WebhookEndpointStatus)
  status!: WebhookEndpointStatus;

  @Field(() => String, { nullable: true, description: 'Why it was disabled: by an admin, a 410, or failing for too long.' })
  disabledReason!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The first failed attempt since the last success.' })
  failingSince!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Until then the secret before the last rotation also signs.' })
  previousSecretExpiresAt!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: string;

  @Field(() => GraphQLISODateTime)
  updatedAt!: string;
}

@ObjectType({ description: 'An endpoint with its signing secret, shown this once.' })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({ description: 'whsec_ and base64: the key of the webhook-signature HMAC, as Standard Webhooks libraries take it.' })
  secret!: string;
}

@ObjectType({ description: 'One event sent to one endpoint, with every attempt it took.' })
export class WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => WebhookEventType)
  eventType!: WebhookEventType;

  @Field({ description: 'The webhook-id header: the same at every attempt and redelivery, for receivers to drop duplicates.' })
  webhookId!: string;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer; null when there was none (refused, timed out, unreachable).' })
  responseStatus!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastAttemptAt!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it is tried next; null once it succeeded or failed.' })
  nextAttemptAt!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  deliveredAt!: string | null;
}

export const WebhookDeliveryConnection = Connection('WebhookDelivery', WebhookDelivery);
