import type { Kysely } from 'kysely';
import type { RichText } from '../rich-text/rich-text';
import type { Database, RevisionRow } from './database';
import { newId, now } from './ids';
import { takeNextVersion } from './versions';

/** Who makes a change: an API key, or the system (seeding, migrations of content). */
export interface Actor {
  keyId: string | null;
}

export interface ExplainerChange {
  explainerId: string;
  /** The version the writer last read; a stale one is a conflict and nothing is written. */
  expectedVersion?: number;
  actor: Actor;
  action: string;
}

export interface Snapshot {
  slug: string;
  locale: string;
  title: string;
  headline: string;
  summary: string;
  dateline: string | null;
  status: string;
  subjectId: string | null;
  sections: Array<{ slug: string; heading: string | null; body: RichText }>;
  quotes: Array<{ id: string; kind: string; speakerIds: string[]; sourceId: string | null }>;
  corrections: Array<{ text: string; publishedAt: string }>;
}

export interface DiffEntry {
  path: string;
  before: unknown;
  after: unknown;
}

export interface Revision {
  id: string;
  explainerId: string;
  version: number;
  keyId: string | null;
  action: string;
  diff: DiffEntry[];
  snapshot: Snapshot;
  createdAt: string;
}

const toRevision = (r: RevisionRow): Revision => ({
  id: r.id,
  explainerId: r.explainer_id,
  version: Number(r.version),
  keyId: r.key_id,
  action: r.action,
  diff: JSON.parse(r.diff) as DiffEntry[],
  snapshot: JSON.parse(r.snapshot) as Snapshot,
  createdAt: r.created_at,
});

/**
 * Runs one change to an explainer: takes the next version (failing with a conflict when
 * expectedVersion is stale), applies the change, and records a revision with the diff and
 * the full snapshot. Call inside a transaction so that all of it happens or none does.
 */
export async function changeExplainer<T>(db: Kysely<Database>, change: ExplainerChange, apply: () => Promise<T>): Promise<T> {
  const version = await takeNextVersion(db, 'explainers', change.explainerId, change.expectedVersion);
  const result = await apply();
  await recordRevision(db, change.explainerId, version, change.actor, change.action);
  return result;
}

export async function recordRevision(db: Kysely<Database>, explainerId: string, version: number, actor: Actor, action: string): Promise<void> {
  const snapshot = await snapshotExplainer(db, explainerId);
  const previous = await db
    .selectFrom('revisions')
    .select('snapshot')
    .where('explainer_id', '=', explainerId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const diff = diffSnapshots(previous ? (JSON.parse(previous.snapshot) as Snapshot) : undefined, snapshot);
  await db
    .insertInto('revisions')
    .values({
      id: newId(),
      explainer_id: explainerId,
      version,
      key_id: actor.keyId,
      action,
      diff: JSON.stringify(diff),
      snapshot: JSON.stringify(snapshot),
      created_at: now(),
    })
    .execute();
}

export async function snapshotExplainer(db: Kysely<Database>, explainerId: string): Promise<Snapshot> {
  const x = await db.selectFrom('explainers').selectAll().where('id', '=', explainerId).executeTakeFirstOrThrow();
  const sections = await db.selectFrom('sections').selectAll().where('explainer_id', '=', explainerId).orderBy('position').execute();
  const quotes = await db.selectFrom('quotes').selectAll().where('explainer_id', '=', explainerId).orderBy('id').execute();
  const speakers = quotes.length
    ? await db.selectFrom('quote_speakers').selectAll().where('quote_id', 'in', quotes.map((q) => q.id)).orderBy('position').execute()
    : [];
  const corrections = await db.selectFrom('corrections').selectAll().where('explainer_id', '=', explainerId).orderBy('published_at').execute();
  return {
    slug: x.slug,
    locale: x.locale,
    title: x.title,
    headline: x.headline,
    summary: x.summary,
    dateline: x.dateline,
    status: x.status,
    subjectId: x.subject_id,
    sections: sections.map((s) => ({ slug: s.slug, heading: s.heading, body: JSON.parse(s.body) as RichText })),
    quotes: quotes.map((q) => ({
      id: q.id,
      kind: q.kind,
      speakerIds: speakers.filter((s) => s.quote_id === q.id).map((s) => s.entity_id),
      sourceId: q.source_id,
    })),
    corrections: corrections.map((c) => ({ text: c.text, publishedAt: c.published_at })),
  };
}

/** What changed, field by field; sections are compared by slug, their order as one list. */
export function diffSnapshots(before: Snapshot | undefined, after: Snapshot): DiffEntry[] {
  const diff: DiffEntry[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const field of ['slug', 'locale', 'title', 'headline', 'summary', 'dateline', 'status', 'subjectId'] as const) {
    if (!before || !same(before[field], after[field])) diff.push({ path: field, before: before?.[field] ?? null, after: after[field] });
  }
  const sectionsBefore = new Map((before?.sections ?? []).map((s) => [s.slug, s]));
  const sectionsAfter = new Map(after.sections.map((s) => [s.slug, s]));
  for (const slug of new Set([...sectionsBefore.keys(), ...sectionsAfter.keys()])) {
    const [a, b] = [sectionsBefore.get(slug), sectionsAfter.get(slug)];
    if (!same(a, b)) diff.push({ path: `sections.${slug}`, before: a ?? null, after: b ?? null });
  }
  const order = (s?: Snapshot) => (s?.sections ?? []).map((x) => x.slug);
  if (!same(order(before), order(after)) && before) diff.push({ path: 'sections.order', before: order(before), after: order(after) });
  if (!same(before?.quotes ?? [], after.quotes)) diff.push({ path: 'quotes', before: before?.quotes ?? [], after: after.quotes });
  if (!same(before?.corrections ?? [], after.corrections)) diff.push({ path: 'corrections', before: before?.corrections ?? [], after: after.corrections });
  return diff;
}

export async function revisionsByExplainerIds(db: Kysely<Database>, ids: readonly string[]): Promise<Revision[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('revisions').selectAll().where('explainer_id', 'in', [...ids]).orderBy('version', 'desc').execute();
  return rows.map(toRevision);
}

export async function findRevision(db: Kysely<Database>, explainerId: string, version: number): Promise<Revision | undefined> {
  const row = await db.selectFrom('revisions').selectAll().where('explainer_id', '=', explainerId).where('version', '=', version).executeTakeFirst();
  return row && toRevision(row);
}
