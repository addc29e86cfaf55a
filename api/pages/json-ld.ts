/** schema.org descriptions of our pages, for search engines and link previews. */
import type { PageEntity, PageEntityExplainer } from './entity.query';
import type { PageExplainer } from './explainer.query';

const thingTypes: Record<string, string> = {
  ORGANIZATION: 'Organization',
  PERSON: 'Person',
  PLACE: 'Place',
  EVENT: 'Event',
  PUBLICATION: 'CreativeWork',
};

/** The schema.org type of an entity of this kind. */
export function thingType(kind: string): string {
  return thingTypes[kind] ?? 'Thing';
}

function otherNames(entity: { name: string; aliases: ReadonlyArray<{ name: string }> }): string[] {
  return [...new Set(entity.aliases.map((alias) => alias.name))].filter((name) => name !== entity.name);
}

export function articleJsonLd(explainer: PageExplainer, publisher: { name: string; url: string }): Record<string, unknown> {
  const subject = explainer.subject;
  const alternateName = subject ? otherNames(subject) : [];
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
        '@type': thingType(subject.kind),
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

/** The entity itself, as the main thing of its page, with the explainers about it or mentioning it. */
export function entityJsonLd(entity: PageEntity, url: string, explainers: readonly PageEntityExplainer[]): Record<string, unknown> {
  const alternateName = otherNames(entity);
  return {
    '@context': 'https://schema.org',
    '@type': thingType(entity.kind),
    name: entity.name,
    ...(alternateName.length > 0 && { alternateName }),
    description: entity.description,
    url,
    mainEntityOfPage: url,
    ...(entity.wikidataUrl && { sameAs: entity.wikidataUrl }),
    ...(explainers.length > 0 && {
      subjectOf: explainers.map((x) => ({ '@type': 'Article', name: x.title, url: x.url, inLanguage: x.locale })),
    }),
  };
}
