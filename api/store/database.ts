import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables as Kysely sees them. Times are ISO-8601 UTC strings on both dialects so that
 * ordering, cursors and comparisons behave the same on SQLite and PostgreSQL.
 */
export interface Database {
  entities: EntityTable;
  entity_aliases: EntityAliasTable;
  entity_facts: EntityFactTable;
  entity_relations: EntityRelationTable;
  sources: SourceTable;
  citations: CitationTable;
  explainers: ExplainerTable;
  sections: SectionTable;
  mentions: MentionTable;
  quotes: QuoteTable;
  quote_speakers: QuoteSpeakerTable;
  corrections: CorrectionTable;
  search_documents: SearchDocumentTable;
  api_keys: ApiKeyTable;
  revisions: RevisionTable;
  // What readers see: copies of the working rows, made by publishing (see release.store.ts).
  released_entities: EntityTable;
  released_entity_aliases: EntityAliasTable;
  released_entity_facts: EntityFactTable;
  released_entity_relations: EntityRelationTable;
  released_explainers: ExplainerTable;
  released_sections: SectionTable;
  released_mentions: MentionTable;
  released_quotes: QuoteTable;
  released_quote_speakers: QuoteSpeakerTable;
  released_citations: CitationTable;
  released_corrections: CorrectionTable;
  releases: ReleaseTable;
  entity_releases: EntityReleaseTable;
  entity_revisions: EntityRevisionTable;
  scheduled_publishes: ScheduledPublishTable;
  release_events: ReleaseEventTable;
  released_boxes: ReleasedBoxTable;
  released_box_tags: ReleasedBoxTagTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
}

/** The tables publishing copies: the working copy is one set, what readers see the released_ set. */
export type ReleasedTable =
  | 'entities'
  | 'entity_aliases'
  | 'entity_facts'
  | 'entity_relations'
  | 'explainers'
  | 'sections'
  | 'mentions'
  | 'quotes'
  | 'quote_speakers'
  | 'citations'
  | 'corrections';

export type PublicationStatus = 'draft' | 'published' | 'archived';

export interface EntityTable {
  id: string;
  slug: string;
  kind: string;
  name: string;
  description: string;
  summary: string;
  wikidata_id: string | null;
  status: PublicationStatus;
  /** Increases with every change made through the editorial API. */
  version: number;
  created_at: string;
  updated_at: string;
  /** Set when merged: this entity's id and slug now resolve to that one. */
  merged_into: string | null;
  /** The question its box asks, when an editor set one; else the rule's (api/box/questions.ts). */
  question: string | null;
}
export type EntityRow = Selectable<EntityTable>;
export type NewEntityRow = Insertable<EntityTable>;
export type EntityRowUpdate = Updateable<EntityTable>;

export interface EntityAliasTable {
  id: string;
  entity_id: string;
  locale: string;
  name: string;
  /** Case-, punctuation- and diacritic-folded name: the lookup key. */
  normalized: string;
  position: number;
}
export type EntityAliasRow = Selectable<EntityAliasTable>;

export interface EntityFactTable {
  id: string;
  entity_id: string;
  position: number;
  /** FOUNDED, RANKING, STRATEGY...: lets a box pick its key facts and translate their labels. */
  kind: string;
  label: string;
  value: string;
  /** ISO date, possibly partial: "2015-01", "2018"; where a span starts. */
  date: string | null;
  /** Where a span ends ("2018" for 2015 to 2018); null for a single date. */
  date_end: string | null;
  hedge: string | null;
}
export type EntityFactRow = Selectable<EntityFactTable>;

export interface EntityRelationTable {
  id: string;
  subject_id: string;
  predicate: string;
  object_id: string;
  position: number;
  /** The text's own hedge, e.g. "is said to have". */
  hedge: string | null;
  note: string | null;
}
export type EntityRelationRow = Selectable<EntityRelationTable>;

export interface SourceTable {
  id: string;
  slug: string;
  kind: string;
  name: string;
  url: string | null;
  /** The entity that publishes this source (The Conversation, the Institute for Economics and Peace). */
  publisher_id: string | null;
  created_at: string;
}
export type SourceRow = Selectable<SourceTable>;

/** Which claim a source supports: a fact, a relation, or a passage of a section. */
export interface CitationTable {
  id: string;
  source_id: string;
  fact_id: string | null;
  relation_id: string | null;
  section_id: string | null;
  block: number | null;
  paragraph: number | null;
  start: number | null;
  end: number | null;
}
export type CitationRow = Selectable<CitationTable>;

export interface ExplainerTable {
  id: string;
  slug: string;
  locale: string;
  /** Explainers that translate one another share a group. */
  translation_group: string;
  title: string;
  headline: string;
  summary: string;
  dateline: string | null;
  status: PublicationStatus;
  version: number;
  subject_id: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  /** When the article it was made from was first published, when known (ISO 8601, possibly a date only). */
  original_published_at: string | null;
}
export type ExplainerRow = Selectable<ExplainerTable>;

export interface SectionTable {
  id: string;
  explainer_id: string;
  slug: string;
  heading: string | null;
  position: number;
  /** Rich text as JSON (api/rich-text). */
  body: string;
  /** Plain-text rendering of body, for search and text clients. */
  text: string;
}
export type SectionRow = Selectable<SectionTable>;

export interface MentionTable {
  id: string;
  section_id: string;
  explainer_id: string;
  entity_id: string;
  block: number;
  paragraph: number;
  start: number;
  end: number;
  /** The words of the text that name the entity. */
  text: string;
}
export type MentionRow = Selectable<MentionTable>;

export interface QuoteTable {
  id: string;
  explainer_id: string;
  section_id: string | null;
  source_id: string | null;
  /** block: one or more paragraphs set apart; inline: words quoted inside a paragraph. */
  kind: 'block' | 'inline';
  text: string;
}
export type QuoteRow = Selectable<QuoteTable>;

export interface QuoteSpeakerTable {
  quote_id: string;
  entity_id: string;
  position: number;
}

export interface CorrectionTable {
  id: string;
  explainer_id: string;
  text: string;
  published_at: string;
}
export type CorrectionRow = Selectable<CorrectionTable>;

export interface SearchDocumentTable {
  rowid: Generated<number>;
  /** explainer, entity (working copies), released explainer, released entity. */
  doc_type: string;
  doc_id: string;
  locale: string;
  status: PublicationStatus;
  /** Each column folded (api/text/fold.ts); search weighs them in this order. */
  title: string;
  aliases: Generated<string>;
  summary: Generated<string>;
  headings: Generated<string>;
  body: string;
  /** Which indexing wrote it: documents of an older format are indexed again at start. */
  format: Generated<number>;
  /** PostgreSQL only: the tsvector; SQLite indexes with FTS5 instead. */
  tsv: ColumnType<unknown, never, never>;
}

export type Role = 'editor' | 'publisher' | 'admin';

export interface ApiKeyTable {
  id: string;
  name: string;
  role: Role;
  /** Public part of the key, for lookup; the secret is stored only as a hash. */
  prefix: string;
  hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}
export type ApiKeyRow = Selectable<ApiKeyTable>;

export interface RevisionTable {
  id: string;
  explainer_id: string;
  version: number;
  key_id: string | null;
  /** What the change was: "create", "update", "put section", "publish", ... */
  action: string;
  /** JSON list of { path, before, after }. */
  diff: string;
  /** JSON of the whole explainer after the change. */
  snapshot: string;
  created_at: string;
}
export type RevisionRow = Selectable<RevisionTable>;

/** One release of an explainer: immutable, numbered from 1. */
export interface ReleaseTable {
  explainer_id: string;
  number: number;
  /** The working copy's version that was released. */
  version: number;
  /** publish, correct, schedule. */
  action: string;
  key_id: string | null;
  /** JSON of everything a reader of this release saw. */
  document: string;
  created_at: string;
}
export type ReleaseRow = Selectable<ReleaseTable>;

export interface EntityReleaseTable {
  entity_id: string;
  number: number;
  version: number;
  action: string;
  key_id: string | null;
  document: string;
  created_at: string;
}
export type EntityReleaseRow = Selectable<EntityReleaseTable>;

export interface EntityRevisionTable {
  id: string;
  entity_id: string;
  version: number;
  key_id: string | null;
  action: string;
  diff: string;
  snapshot: string;
  created_at: string;
}
export type EntityRevisionRow = Selectable<EntityRevisionTable>;

export interface ScheduledPublishTable {
  explainer_id: string;
  /** ISO-8601 UTC. */
  at: string;
  /** The version the publisher scheduled; the publish takes the working copy as it is at the time. */
  version: number;
  key_id: string | null;
  created_at: string;
}

export interface ReleaseEventTable {
  /** Increases in commit order (see release-events.store.ts). PostgreSQL's bigserial arrives as a string. */
  id: ColumnType<string | number, never, never>;
  /** explainer.published, explainer.unpublished, explainer.corrected, explainer.scheduled, entity.published, entity.unpublished, entity.merged. */
  type: string;
  /** The explainer's or the entity's id. */
  subject_id: string;
  slug: string;
  /** The explainer's locale; null for an entity. */
  locale: string | null;
  /** The release it made; null when it made none (unpublished, scheduled). */
  release: number | null;
  /** Space-separated tags of the public responses it changed (store/tags.ts). */
  tags: string;
  /** JSON of what else the event says: a schedule's time, a merge's survivor. */
  detail: string | null;
  created_at: string;
}
export type ReleaseEventRow = Selectable<ReleaseEventTable>;

/** The widget's answer for a released explainer, as GraphQL gave it when a release last changed it. */
export interface ReleasedBoxTable {
  slug: string;
  /** The locale the widget asked for; '' when it named none. */
  locale: string;
  /** What rendered it: the operation and the settings its answer depends on; another renderer's box is not served. */
  renderer: string;
  /** The edition the box shows, and its release. */
  explainer_id: string;
  release_number: number;
  /** The response body, byte for byte. */
  body: string;
  gzip: Buffer | null;
  etag: string;
  /** What it read (store/tags.ts), space-separated. */
  tags: string;
  rendered_at: string;
}
export type ReleasedBoxRow = Selectable<ReleasedBoxTable>;

export interface ReleasedBoxTagTable {
  tag: string;
  slug: string;
  locale: string;
}
export interface WebhookEndpointTable {
  id: string;
  url: string;
  description: string;
  /** Space-separated event types; null subscribes to every type. */
  events: string | null;
  /** whsec_<base64>: kept as it is, since signing needs the key itself (a hash could only check). */
  secret: string;
  /** The secret before the last rotation, which still signs until previous_secret_expires_at. */
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
  disabled_reason: string | null;
  /** The first failed attempt since the last success. */
  failing_since: string | null;
  /** 1 once a delivery ran out of retries; a success clears it. */
  failing: ColumnType<number, number | undefined, number>;
}
export type WebhookEndpointRow = Selectable<WebhookEndpointTable>;

export type WebhookDeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'failed';

export interface WebhookDeliveryTable {
  /** PostgreSQL's bigserial arrives as a string. */
  id: ColumnType<string | number, never, never>;
  endpoint_id: string;
  event_id: ColumnType<string | number, number, never>;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** When it is due; while 'delivering', when its lease ends. */
  next_attempt_at: string;
  /** Retries stop webhookRetryForMs after this: the event, or the last redelivery. */
  retry_from: string;
  last_attempt_at: string | null;
  response_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
