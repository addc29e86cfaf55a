/** schema.org description of an explainer page, for search engines and link previews. */
import type { PageExplainer } from './explainer.query';

const thingTypes: Record<string, string> = {
  ORGANIZATION: 'Organization',
  PERSON: 'Person',
  PLACE: 'Place',
  EVENT: 'Event',
  PUBLICATION: 'CreativeWork',
};

export function articleJsonLd(explainer: PageExplainer, publisher: { name: string; url: string }): Record<string, unknown> {
  const subject = explainer.subject;
  const alternateName = subject
    ? [...new Set(subject.aliases.map((alias) => alias.name))].filter((name) => name !== subject.name)
    : [];
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: explainer.headline,
    name: explainer.title,
    description: explainer.summary,
    inLanguage: explainer.locale,
    url: explainer.url,
    mainEntityOfPage: explainer.url,
    ...(explainer.publishedAt && { datePublished: explainer.publishedAt }),
    dateModified: explainer.updatedAt,
    ...(subject && {
      about: {
        '@type': thingTypes[subject.kind] ?? 'Thing',
        name: subject.name,
        ...(alternateName.length > 0 && { alternateName }),
        description: subject.description,
        ...(subject.wikidataUrl && { sameAs: subject.wikidataUrl }),
      },
    }),
    publisher: { '@type': 'Organization', name: publisher.name, url: publisher.url },
    ...(explainer.sources.length > 0 && {
      citation: explainer.sources.map((source) => ({
        '@type': 'CreativeWork',
        name: source.name,
        ...(source.url && { url: source.url }),
        ...(source.publisher && { publisher: { '@type': 'Organization', name: source.publisher.name } }),
      })),
    }),
    ...(explainer.corrections.length > 0 && {
      correction: explainer.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.publishedAt })),
    }),
  };
}
