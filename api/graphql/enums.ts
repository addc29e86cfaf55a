import { registerEnumType } from 'type-graphql';
import { directionOf as writingDirection } from '../locale/negotiate';

export enum EntityKind {
  ORGANIZATION = 'ORGANIZATION',
  PERSON = 'PERSON',
  PLACE = 'PLACE',
  EVENT = 'EVENT',
  PUBLICATION = 'PUBLICATION',
  OTHER = 'OTHER',
}
registerEnumType(EntityKind, { name: 'EntityKind', description: 'What kind of thing an entity is.' });

/** Directed: subject PREDICATE object, e.g. ISIS-K AFFILIATE_OF Islamic State. */
export enum RelationPredicate {
  AFFILIATE_OF = 'AFFILIATE_OF',
  AFFILIATED_WITH = 'AFFILIATED_WITH',
  BASED_IN = 'BASED_IN',
  CLAIMED_RESPONSIBILITY_FOR = 'CLAIMED_RESPONSIBILITY_FOR',
  FOUNDED_BY_FORMER_MEMBERS_OF = 'FOUNDED_BY_FORMER_MEMBERS_OF',
  INVOLVES = 'INVOLVES',
  LOCATED_IN = 'LOCATED_IN',
  OPERATES_IN = 'OPERATES_IN',
  PART_OF = 'PART_OF',
  PUBLISHED_BY = 'PUBLISHED_BY',
  RECEIVED_SUPPORT_FROM = 'RECEIVED_SUPPORT_FROM',
  RIVAL_OF = 'RIVAL_OF',
  SEEKS_TO_EXPAND_INTO = 'SEEKS_TO_EXPAND_INTO',
}
registerEnumType(RelationPredicate, { name: 'RelationPredicate', description: 'The type of a directed relation between two entities.' });

export enum SourceKind {
  PUBLICATION = 'PUBLICATION',
  REPORT = 'REPORT',
  INDEX = 'INDEX',
  ARTICLE = 'ARTICLE',
  INTERVIEW = 'INTERVIEW',
  DATASET = 'DATASET',
  OTHER = 'OTHER',
}
registerEnumType(SourceKind, { name: 'SourceKind' });

export enum PublicationStatus {
  DRAFT = 'draft',
  PUBLISHED = 'published',
  ARCHIVED = 'archived',
}
registerEnumType(PublicationStatus, { name: 'PublicationStatus' });

export enum TextDirection {
  LTR = 'LTR',
  RTL = 'RTL',
}
registerEnumType(TextDirection, { name: 'TextDirection' });

export enum QuoteKind {
  BLOCK = 'block',
  INLINE = 'inline',
}
registerEnumType(QuoteKind, { name: 'QuoteKind', description: 'BLOCK: paragraphs set apart; INLINE: words quoted inside a paragraph.' });

export enum KeyFactKind {
  FOUNDED = 'FOUNDED',
  ALSO_KNOWN_AS = 'ALSO_KNOWN_AS',
  ACTIVE_IN = 'ACTIVE_IN',
  AFFILIATE_OF = 'AFFILIATE_OF',
  CLAIMED_RESPONSIBILITY_FOR = 'CLAIMED_RESPONSIBILITY_FOR',
  CLAIMED_BY = 'CLAIMED_BY',
  OTHER = 'OTHER',
}
registerEnumType(KeyFactKind, { name: 'KeyFactKind', description: 'Lets a box translate the label of the facts it knows.' });

export function directionOf(locale: string): TextDirection {
  return writingDirection(locale) === 'rtl' ? TextDirection.RTL : TextDirection.LTR;
}
