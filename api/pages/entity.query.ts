/**
 * What the entity page shows, in one in-process request through the public schema: a draft entity is
 * as invisible here as it is to the API, and so is an entity at the other end of a relation. The
 * natural question comes from the entity's context box, whose rule phrases it.
 */

export const ENTITY_PAGE_QUERY = `query EntityPage($slug: String!, $locale: String) {
  entity(slug: $slug, locale: $locale) {
    slug name kind description summary wikidataUrl updatedAt
    aliases { name locale }
    facts { label value date dateEnd hedge sources { ...PageSource } }
    relations { predicate hedge note other: object { slug name } sources { ...PageSource } }
    incomingRelations { predicate hedge note other: subject { slug name } sources { ...PageSource } }
    explainers { slug locale title summary url subject { slug } }
  }
  contextBox(entity: $slug, locale: $locale) { locale question subject { slug } }
}
fragment PageSource on Source { slug name url publisher { name } }`;

export interface PageEntityRef {
  slug: string;
  name: string;
}

export interface PageFactSource {
  slug: string;
  name: string;
  url: string | null;
  publisher: { name: string } | null;
}

export interface PageFact {
  label: string;
  value: string;
  /** ISO 8601, possibly partial: 2015-01, 2018. */
  date: string | null;
  /** Where a span that starts at date ends. */
  dateEnd: string | null;
  hedge: string | null;
  sources: readonly PageFactSource[];
}

export interface PageRelation {
  predicate: string;
  hedge: string | null;
  note: string | null;
  /** The entity at the other end. The schema promises one, but a page must not fall over when a release lacks it. */
  other: PageEntityRef | null;
  sources: readonly PageFactSource[];
}

export interface PageEntityExplainer {
  slug: string;
  locale: string;
  title: string;
  summary: string;
  url: string;
  subject: { slug: string } | null;
}

export interface PageEntity {
  slug: string;
  name: string;
  kind: string;
  description: string;
  summary: string;
  wikidataUrl: string | null;
  updatedAt: string;
  aliases: ReadonlyArray<{ name: string; locale: string }>;
  facts: readonly PageFact[];
  /** This entity is the subject. */
  relations: readonly PageRelation[];
  /** This entity is the object. */
  incomingRelations: readonly PageRelation[];
  explainers: readonly PageEntityExplainer[];
}

export interface EntityPageData {
  entity: PageEntity | null;
  contextBox: { locale: string; question: string; subject: { slug: string } | null } | null;
}
