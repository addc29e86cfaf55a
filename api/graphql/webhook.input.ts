import { Field, InputType } from 'type-graphql';
import { WebhookEventType } from './webhook.type';

@InputType()
export class CreateWebhookEndpointInput {
  @Field({ description: 'https, or http to a host listed in WEBHOOK_ALLOWED_HOSTS.' })
  url!: string;

  @Field(() => [WebhookEventType], { nullable: true, description: 'Omitted or empty: every event.' })
  events?: WebhookEventType[] | null;

  @Field(() => String, { nullable: true, description: 'For people: what receives these (at most 500 characters).' })
  description?: string | null;
}

@InputType({ description: 'What to change; a field left out stays as it is.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true, description: 'Empty: every event.' })
  events?: WebhookEventType[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
