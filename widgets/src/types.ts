/**
 * The shape of `contextBox` as selected by the `ContextBox` operation in examples/queries.graphql.
 * Fields the schema may leave null are typed as such so a sparse explainer cannot crash a render.
 */

export type Direction = 'LTR' | 'RTL';

export type KeyFactKind = 'FOUNDED' | 'ALSO_KNOWN_AS' | 'ACTIVE_IN' | 'AFFILIATE_OF' | 'CLAIMED_RESPONSIBILITY_FOR' | 'CLAIMED_BY' | 'OTHER';

export interface SourceRef {
  slug: string;
  name: string;
}

export interface EntityRef {
  slug: string;
  name: string;
  description?: string | null;
}

/** `start`/`end` are UTF-16 offsets into the paragraph text, end exclusive. */
export interface MentionMark {
  __typename: 'MentionMark';
  start: number;
  end: number;
  /** Null when the entity has no release: the words then read as plain text. */
  entity: EntityRef | null;
}

export interface CitationMark {
  __typename: 'CitationMark';
  start: number;
  end: number;
  source: SourceRef;
}

export type Mark = MentionMark | CitationMark;

export interface Paragraph {
  __typename?: 'Paragraph';
  text: string;
  marks?: readonly Mark[] | null;
}

export interface QuoteBlock {
  __typename: 'QuoteBlock';
  quote: { speakers?: readonly EntityRef[] | null; source?: SourceRef | null };
  paragraphs: readonly Paragraph[];
}

export type Block = (Paragraph & { __typename: 'Paragraph' }) | QuoteBlock;

export interface Section {
  slug: string;
  heading?: string | null;
  blocks: readonly Block[];
}

export interface KeyFact {
  kind: KeyFactKind | string;
  label: string;
  value: string;
  /** The page of the entity the value names, when it is one. */
  url?: string | null;
  sources?: readonly SourceRef[] | null;
}

export interface Source {
  slug: string;
  name: string;
  kind?: string | null;
  url?: string | null;
  publisher?: { name: string } | null;
}

export interface Correction {
  publishedAt: string;
  text: string;
}

export interface ContextBoxData {
  id: string;
  locale: string;
  direction: Direction;
  question: string;
  summary: string;
  url: string;
  updatedAt: string;
  explainer?: { slug: string; headline: string; dateline?: string | null; publishedAt?: string | null } | null;
  subject?: { slug: string; name: string; kind?: string | null; description?: string | null } | null;
  keyFacts?: readonly KeyFact[] | null;
  sections?: readonly Section[] | null;
  sources?: readonly Source[] | null;
  corrections?: readonly Correction[] | null;
}
