/**
 * The widget's persisted GET, kept answered: for each released explainer, with no locale and in each
 * locale it is released in, the response GraphQL gives is rendered inside the transaction that changes
 * what it reads (a publish, unpublish, correction or merge naming one of its tags), and stored with the
 * release (store/released-box.store.ts). A request that misses the response cache is then one indexed
 * read on any replica, and it is byte for byte what GraphQL answers: the same execution, run at the
 * only moments its answer can change. Other variables (an entity, a section) are executed as before.
 *
 * To a CDN a kept box names only its explainer (Surrogate-Key and Cache-Tag: `explainer:<id>` and
 * `explainer-slug:<slug>`), not the 20-odd entities it links: the store knows what each box read, so a
 * release that changes any of it names the box's explainer among what it changed (store/publishing.store.ts),
 * and the CDN's copy is purged by that. Its tags in full stay with the box, for the process's own cache.
 */
import { createHash } from 'node:crypto';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { tagHeaders } from '../cdn/purge';
import { tags as tag } from '../store/tags';
import type { Context } from '../graphql/context';
import { readerLocales } from '../graphql/validate';
import { chooseEdition } from '../locale/editions';
import { type Explainer, findEditions } from '../store/explainer.store';
import type { Database } from '../store/database';
import {
  type BoxKey,
  type NewBox,
  type ReleasedBox,
  boxesOfSlugs,
  boxesReading,
  dropBox,
  lockBoxes,
  releasedBox,
  releasedBoxUnless,
  releasedBoxesOf,
  saveBox,
  slugsWithoutBoxes,
} from '../store/released-box.store';
import { representation } from './conditional-get';
import { readPersistedGet } from './persisted-get';
import type { PersistedOperations } from './persisted-operations';
import type { CachedResponse } from './response-cache';

type Rendered = Omit<NewBox, keyof BoxKey | 'renderer'>;

/** What browsers send with fetch(), which the widget's requests carry. */
export const BROWSER_ACCEPT = '*/*';

/** What Apollo answers a request with when it accepts JSON, or anything (a browser's fetch, curl). */
const JSON_TYPE = 'application/json; charset=utf-8';

const SLUG_TAG = 'explainer-slug:';

/** Room for the decoded copies of a few hundred boxes. */
const DECODED_BYTES = 16 * 1024 * 1024;

export interface ReleasedBoxesOptions {
  apollo: ApolloServer<Context>;
  persisted: PersistedOperations;
  /** The public's context, reading through the transaction given. */
  context(db: Kysely<Database>): Context;
  /** The settings a box's answer depends on besides the store (its links' origin, the default locale). */
  settings: { publicUrl: string; locales: readonly string[] };
}

/** The variables the widget sends for a kept box: its slug, and its locale if any. */
export function boxVariables(key: BoxKey): string {
  return JSON.stringify(key.locale ? { explainer: key.slug, locale: key.locale } : { explainer: key.slug });
}

/** What a persisted GET names (http/persisted-get.ts). */
export interface PersistedRequest {
  hash: string;
  operationName: string;
  variables: string;
}

export class ReleasedBoxes {
  /** The hash of the widget's ContextBox operation; without it nothing is kept. */
  readonly hash: string | undefined;
  private readonly extensions: string;
  /** The operation and the settings: a box rendered under others is not served. */
  private readonly renderer: string;
  /**
   * Boxes read before, as responses, with the validator of their row: a read asks the store whether
   * the row is still that one, and takes its bytes only when it is not. Bounded in bytes.
   */
  private readonly decoded = new LRUCache<string, { etag: string; renderedAt: string; response: CachedResponse }>({
    maxSize: DECODED_BYTES,
    sizeCalculation: ({ response }) => response.body.length + (response.gzip?.length ?? 0) + response.tags.length * 120 + 200,
  });

  constructor(private readonly options: ReleasedBoxesOptions) {
    this.hash = [...options.persisted].find(([, document]) => /^query ContextBox\b/.test(document))?.[0];
    this.extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: this.hash } });
    this.renderer = createHash('sha256').update(JSON.stringify([this.hash, options.settings.publicUrl, options.settings.locales])).digest('base64url').slice(0, 22);
  }

  /**
   * Inside the transaction of a write that changed these tags: renders again every box that read one of
   * them, and every box of an explainer slug they name (a first publish), or drops it when GraphQL
   * no longer answers one.
   */
  async render(db: Kysely<Database>, changed: readonly string[]): Promise<number> {
    if (!this.hash || changed.length === 0) return 0;
    await lockBoxes(db);
    const slugs = changed.filter((t) => t.startsWith(SLUG_TAG)).map((t) => t.slice(SLUG_TAG.length));
    return this.renderAll(db, [...(await boxesReading(db, changed)), ...this.withLocales(await boxesOfSlugs(db, slugs))]);
  }

  /** At start: boxes for what was released before boxes were kept. */
  async renderMissing(db: Kysely<Database>): Promise<number> {
    if (!this.hash) return 0;
    await lockBoxes(db);
    return this.renderAll(db, this.withLocales(await boxesOfSlugs(db, await slugsWithoutBoxes(db, this.renderer))));
  }

  /** A widget names the page's locale, released or not: each locale Backstory serves gets its box (a fallback, often). */
  private withLocales(keys: readonly BoxKey[]): BoxKey[] {
    const slugs = new Set(keys.map((k) => k.slug));
    return [...keys, ...[...slugs].flatMap((slug) => this.options.settings.locales.map((locale) => ({ slug, locale })))];
  }

  /**
   * Renders each box, executing the operation once per edition: which edition a box shows is the only
   * thing its variables change (box/context-box.ts chooses it, then reads the box from the edition
   * alone), so the boxes of locales that fall back to one edition share its answer. An answer that
   * shows another edition than chosen here is not shared.
   */
  private async renderAll(db: Kysely<Database>, keys: readonly BoxKey[]): Promise<number> {
    const bySlug = new Map<string, Set<string>>();
    for (const key of keys) {
      if (!bySlug.has(key.slug)) bySlug.set(key.slug, new Set());
      bySlug.get(key.slug)!.add(key.locale);
    }
    let count = 0;
    for (const [slug, locales] of bySlug) {
      const editions = await findEditions(db, slug, 'public');
      const byEdition = new Map<string, Rendered>();
      for (const locale of locales) {
        count++;
        const key = { slug, locale };
        const edition = this.editionFor(editions, locale);
        let rendered = edition && byEdition.get(edition.id);
        if (!rendered) {
          rendered = edition && (await this.execute(db, key));
          if (rendered && rendered.explainerId === edition!.id) byEdition.set(edition!.id, rendered);
        }
        if (rendered) await saveBox(db, { ...key, renderer: this.renderer, ...rendered });
        else await dropBox(db, key);
      }
    }
    return count;
  }

  private editionFor(editions: Explainer[], locale: string): Explainer | undefined {
    try {
      return chooseEdition(editions, locale ? readerLocales('locale', locale) : [], this.options.settings.locales[0]);
    } catch {
      return undefined;
    }
  }

  /** The widget's GET as GraphQL answers it now, or undefined when it answers no box. */
  private async execute(db: Kysely<Database>, key: BoxKey): Promise<Rendered | undefined> {
    const params = new URLSearchParams({ operationName: 'ContextBox', variables: boxVariables(key), extensions: this.extensions });
    const found = readPersistedGet('GET', new URL(`/graphql?${params}`, 'http://localhost'), this.options.persisted);
    if (found.kind !== 'found') return undefined;
    const context = this.options.context(db);
    const response = await this.options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'GET', headers: new HeaderMap([['accept', BROWSER_ACCEPT], ['apollo-require-preflight', 'persisted']]), search: found.search(), body: undefined },
      context: async () => context,
    });
    if (response.body.kind !== 'complete' || (response.status ?? 200) !== 200 || response.headers.get('content-type') !== JSON_TYPE) return undefined;
    const body = response.body.string;
    const answer = JSON.parse(body) as { data?: { contextBox?: { locale?: string } | null }; errors?: unknown };
    const locale = answer.errors ? undefined : answer.data?.contextBox?.locale;
    const edition = locale === undefined ? undefined : await db.selectFrom('released_explainers').select('id').where('slug', '=', key.slug).where('locale', '=', locale).executeTakeFirst();
    if (!edition) return undefined;
    const rep = representation(body, JSON_TYPE, 'fast');
    return { explainerId: edition.id, body, gzip: rep.gzip, etag: rep.etag, tags: [...context.tags] };
  }

  /** The key of a kept box a request names: the widget's operation with exactly { explainer } or { explainer, locale }, as strings. */
  keyOf({ hash, operationName, variables }: PersistedRequest): BoxKey | undefined {
    if (hash !== this.hash || (operationName !== 'ContextBox' && operationName !== '') || variables === '') return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(variables);
    } catch {
      return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const { explainer, locale, ...rest } = parsed as Record<string, unknown>;
    if (Object.keys(rest).length > 0 || typeof explainer !== 'string' || (locale !== undefined && (typeof locale !== 'string' || locale === ''))) return undefined;
    return { slug: explainer, locale: locale ?? '' };
  }

  /**
   * The kept answer to a widget request, when there is one and the client accepts what it was
   * rendered as; undefined leaves the request to GraphQL.
   */
  async read(db: Kysely<Database>, request: PersistedRequest, accept: string | undefined): Promise<CachedResponse | undefined> {
    if (!acceptsJson(accept)) return undefined;
    const key = this.keyOf(request);
    if (!key) return undefined;
    const id = `${key.slug}\n${key.locale}`;
    const held = this.decoded.get(id);
    const row = held ? await releasedBoxUnless(db, key, this.renderer, held) : await releasedBox(db, key, this.renderer);
    if (!row) {
      this.decoded.delete(id);
      return undefined;
    }
    if (row.body === null) return held!.response;
    const response = cachedResponseOf({ ...row, body: row.body });
    this.decoded.set(id, { etag: row.etag, renderedAt: row.rendered_at, response });
    return response;
  }

  /** After a write committed: the boxes these tags name as they are now, to put in the response cache. */
  async current(db: Kysely<Database>, changed: readonly string[]): Promise<Array<{ variables: string; response: CachedResponse }>> {
    if (!this.hash || changed.length === 0) return [];
    const slugs = changed.filter((t) => t.startsWith(SLUG_TAG)).map((t) => t.slice(SLUG_TAG.length));
    const reading = await boxesReading(db, changed);
    const rows = await releasedBoxesOf(db, [...new Set([...slugs, ...reading.map((k) => k.slug)])], this.renderer);
    return rows.map((row) => ({ variables: boxVariables(row), response: cachedResponseOf(row) }));
  }
}

function cachedResponseOf(row: ReleasedBox): CachedResponse {
  const tags = row.tags === '' ? [] : row.tags.split(' ');
  const known = tagHeaders([tag.explainer(row.explainer_id), tag.explainerSlug(row.slug)]);
  return { body: Buffer.from(row.body), type: JSON_TYPE, etag: row.etag, gzip: row.gzip ? Buffer.from(row.gzip) : undefined, tags, tagHeaders: known };
}

/** Apollo answers these with application/json, as the box was rendered; any other Accept is left to it. */
function acceptsJson(accept: string | undefined): boolean {
  return accept === undefined || accept === '' || accept === BROWSER_ACCEPT || accept === 'application/json';
}
