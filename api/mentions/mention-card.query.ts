/**
 * What a hovercard shows of an entity, read through the public schema like the pages are: an entity
 * without a release, or an explainer without one, is as invisible here as it is to the API. The key
 * facts are the context box's (api/box/context-box.ts decides which facts are key).
 */
export const MENTION_CARD_QUERY = `query MentionCard($entity: String!, $locale: String) {
  contextBox(entity: $entity, locale: $locale) {
    url
    subject { slug name description }
    keyFacts { label value sources { name url } }
  }
}`;

export interface MentionCardData {
  contextBox: {
    url: string;
    subject: { slug: string; name: string; description: string } | null;
    keyFacts: ReadonlyArray<{ label: string; value: string; sources: ReadonlyArray<{ name: string; url: string | null }> }>;
  } | null;
}
