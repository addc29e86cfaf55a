/**
 * What a webhook says: small, so that a receiver fetches what else it needs. `id` is the GraphQL
 * global id of the explainer or entity (what `node(id:)`, `explainer(id:)` and `entity(id:)` take),
 * `url` its public page, `surrogateKeys` the tags its publish purged (the CDN's Surrogate-Key values).
 */
import type { Config } from '../config';
import { toGlobalId } from '../graphql/node';
import { entityPageUrl, explainerPageUrl } from '../pages/page-urls';
import type { ReleaseEvent, ReleaseEventType } from '../store/release-events.store';

export interface WebhookPayload {
  type: ReleaseEventType;
  /** When the release was made: the event's time, the same at every attempt. */
  timestamp: string;
  data: {
    id: string;
    slug: string;
    locale: string | null;
    release: number | null;
    url: string;
    surrogateKeys: string[];
  };
}

export function webhookPayload(event: ReleaseEvent, config: Pick<Config, 'publicUrl' | 'locales'>): WebhookPayload {
  const explainer = event.type.startsWith('explainer.');
  return {
    type: event.type,
    timestamp: event.createdAt,
    data: {
      id: toGlobalId(explainer ? 'Explainer' : 'Entity', event.subjectId),
      slug: event.slug,
      locale: event.locale,
      release: event.release,
      url: explainer ? explainerPageUrl(config, event.slug, event.locale ?? config.locales[0]) : entityPageUrl(config, event.slug),
      surrogateKeys: event.tags,
    },
  };
}
