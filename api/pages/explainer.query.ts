/**
 * What the explainer page shows, in one in-process request through the public schema (so a draft is
 * as invisible here as it is to the API). Sections select the same fields as the box's query, so the
 * page renders them with the box's components.
 */
import type { Correction, Direction, KeyFact, Section, Source } from '../../widgets/src/types';

export const EXPLAINER_PAGE_QUERY = `query ExplainerPage($slug: String!, $locale: String) {
  explainer(slug: $slug, locale: $locale) {
    slug locale direction title headline summary dateline publishedAt originalPublishedAt updatedAt url
    subject { slug name kind description wikidataUrl aliases { name locale } }
    sections { slug heading blocks { __typename ...on Paragraph { ...ParagraphContent } ...on QuoteBlock { quote { speakers { slug name description } source { slug name } } paragraphs { ...ParagraphContent } } } }
    sources { slug name kind url publisher { name } citations { section { slug heading } } }
    corrections { publishedAt text }
    translations { locale title url }
  }
  contextBox(explainer: $slug, locale: $locale) { keyFacts { kind label value url sources { slug name } } }
}
fragment ParagraphContent on Paragraph { text marks { __typename start end ...on MentionMark { entity { slug name description } } ...on CitationMark { source { slug name } } } }`;

export interface PageSource extends Source {
  citations: ReadonlyArray<{ section: { slug: string; heading: string | null } | null }>;
}

export interface PageExplainer {
  slug: string;
  locale: string;
  direction: Direction;
  title: string;
  headline: string;
  summary: string;
  dateline: string | null;
  publishedAt: string | null;
  /** When the original article was published, when known. */
  originalPublishedAt: string | null;
  updatedAt: string;
  url: string;
  subject: {
    slug: string;
    name: string;
    kind: string;
    description: string;
    wikidataUrl: string | null;
    aliases: ReadonlyArray<{ name: string; locale: string }>;
  } | null;
  sections: readonly Section[];
  sources: readonly PageSource[];
  corrections: readonly Correction[];
  translations: ReadonlyArray<{ locale: string; title: string; url: string }>;
}

export interface ExplainerPageData {
  explainer: PageExplainer | null;
  contextBox: { keyFacts: readonly KeyFact[] } | null;
}
