/**
 * The widget's answers for released explainers, kept beside the releases they were rendered from
 * (see migrations/2026_12_01_190000_create_released_boxes.ts). The store keeps and finds them; what
 * goes in them is the HTTP layer's to render (http/released-boxes.ts).
 */
import { type Kysely, sql } from 'kysely';
import type { Database, ReleasedBoxRow } from './database';
import { exclusiveForTransaction } from './dialect';
import { now } from './ids';

/** What the widget asks for: a slug, and a locale ('' when it names none). */
export interface BoxKey {
  slug: string;
  locale: string;
}

export interface NewBox extends BoxKey {
  renderer: string;
  explainerId: string;
  body: string;
  gzip: Buffer | undefined;
  etag: string;
  tags: readonly string[];
}

export type ReleasedBox = ReleasedBoxRow;

/** Ids are short; a few hundred tags at a time keep every statement's parameters in bounds. */
const CHUNK = 400;

/** The box, if this renderer made it. */
export async function releasedBox(db: Kysely<Database>, key: BoxKey, renderer: string): Promise<ReleasedBox | undefined> {
  return db.selectFrom('released_boxes').selectAll().where('slug', '=', key.slug).where('locale', '=', key.locale).where('renderer', '=', renderer).executeTakeFirst();
}

/**
 * The box, if this renderer made it, without its bytes (body and gzip null) when they are still those
 * of `held`, the validator of a copy the caller keeps: one statement either way.
 */
export async function releasedBoxUnless(
  db: Kysely<Database>,
  key: BoxKey,
  renderer: string,
  held: { etag: string; renderedAt: string },
): Promise<(Omit<ReleasedBox, 'body' | 'gzip'> & { body: string | null; gzip: Buffer | null }) | undefined> {
  const same = sql<boolean>`(etag = ${held.etag} and rendered_at = ${held.renderedAt})`;
  return db
    .selectFrom('released_boxes')
    .select(['slug', 'locale', 'renderer', 'explainer_id', 'release_number', 'etag', 'tags', 'rendered_at'])
    .select(sql<string | null>`case when ${same} then null else body end`.as('body'))
    .select(sql<Buffer | null>`case when ${same} then null else gzip end`.as('gzip'))
    .where('slug', '=', key.slug)
    .where('locale', '=', key.locale)
    .where('renderer', '=', renderer)
    .executeTakeFirst();
}

/** Every box of these slugs this renderer made. */
export async function releasedBoxesOf(db: Kysely<Database>, slugs: readonly string[], renderer: string): Promise<ReleasedBox[]> {
  const out: ReleasedBox[] = [];
  for (let i = 0; i < slugs.length; i += CHUNK) {
    out.push(...(await db.selectFrom('released_boxes').selectAll().where('slug', 'in', slugs.slice(i, i + CHUNK)).where('renderer', '=', renderer).execute()));
  }
  return out;
}

/** The boxes that read anything these tags name. */
export async function boxesReading(db: Kysely<Database>, tags: readonly string[]): Promise<BoxKey[]> {
  const found = new Map<string, BoxKey>();
  for (let i = 0; i < tags.length; i += CHUNK) {
    const rows = await db.selectFrom('released_box_tags').select(['slug', 'locale']).distinct().where('tag', 'in', tags.slice(i, i + CHUNK)).execute();
    for (const row of rows) found.set(`${row.slug}\n${row.locale}`, row);
  }
  return [...found.values()];
}

/** The explainers of the kept boxes that read anything these tags name, whichever renderer made them. */
export async function explainersOfBoxesReading(db: Kysely<Database>, tags: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (let i = 0; i < tags.length; i += CHUNK) {
    const rows = await db
      .selectFrom('released_boxes')
      .select('explainer_id')
      .distinct()
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('released_box_tags')
            .select('tag')
            .whereRef('released_box_tags.slug', '=', 'released_boxes.slug')
            .whereRef('released_box_tags.locale', '=', 'released_boxes.locale')
            .where('tag', 'in', tags.slice(i, i + CHUNK)),
        ),
      )
      .execute();
    for (const row of rows) found.add(row.explainer_id);
  }
  return [...found];
}

/** Every box the widget may ask of these slugs as released: with no locale, and in each locale released. */
export async function boxesOfSlugs(db: Kysely<Database>, slugs: readonly string[]): Promise<BoxKey[]> {
  const out: BoxKey[] = [];
  for (let i = 0; i < slugs.length; i += CHUNK) {
    const rows = await db.selectFrom('released_explainers').select(['slug', 'locale']).where('slug', 'in', slugs.slice(i, i + CHUNK)).orderBy('slug').orderBy('locale').execute();
    const seen = new Set<string>();
    for (const row of rows) {
      if (!seen.has(row.slug)) out.push({ slug: row.slug, locale: '' });
      seen.add(row.slug);
      out.push(row);
    }
  }
  return out;
}

/** Released slugs with no box this renderer made: released before boxes were kept, or rendered by another build or settings. */
export async function slugsWithoutBoxes(db: Kysely<Database>, renderer: string): Promise<string[]> {
  const rows = await db
    .selectFrom('released_explainers')
    .select('slug')
    .distinct()
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('released_boxes').select('slug').whereRef('released_boxes.slug', '=', 'released_explainers.slug').where('renderer', '=', renderer))))
    .execute();
  return rows.map((r) => r.slug);
}

export async function saveBox(db: Kysely<Database>, box: NewBox): Promise<void> {
  await dropBox(db, box);
  const release = await db.selectFrom('releases').select(({ fn }) => fn.max('number').as('number')).where('explainer_id', '=', box.explainerId).executeTakeFirst();
  await db
    .insertInto('released_boxes')
    .values({
      slug: box.slug,
      locale: box.locale,
      renderer: box.renderer,
      explainer_id: box.explainerId,
      release_number: Number(release?.number ?? 0),
      body: box.body,
      gzip: box.gzip ?? null,
      etag: box.etag,
      tags: box.tags.join(' '),
      rendered_at: now(),
    })
    .execute();
  const tags = [...new Set(box.tags)];
  for (let i = 0; i < tags.length; i += CHUNK) {
    await db
      .insertInto('released_box_tags')
      .values(tags.slice(i, i + CHUNK).map((tag) => ({ tag, slug: box.slug, locale: box.locale })))
      .execute();
  }
}

export async function dropBox(db: Kysely<Database>, key: BoxKey): Promise<void> {
  await db.deleteFrom('released_box_tags').where('slug', '=', key.slug).where('locale', '=', key.locale).execute();
  await db.deleteFrom('released_boxes').where('slug', '=', key.slug).where('locale', '=', key.locale).execute();
}

/**
 * Held until the transaction ends: boxes are rendered by one transaction at a time, so a box always
 * reads every release committed before it is rendered, whichever replica published them.
 */
export function lockBoxes(db: Kysely<Database>): Promise<void> {
  return exclusiveForTransaction(db, 'released_boxes');
}
