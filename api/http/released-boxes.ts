/**
 * The widget's persisted GET, kept answered: for each released explainer, with no locale and in each
 * locale it is released in, the response GraphQL gives is rendered inside the transaction that changes
 * what it reads (a publish, unpublish, correction or merge naming one of its tags), and stored with the
 * release (store/released-box.store.ts). A request that misses the response cache is then one indexed
 * read on any replica, and it is byte for byte what GraphQL answers: the same execution, run at the
 * only moments its answer can change. Other variables (an entity, a section) are executed as before.
 */
import { createHash } from 'node:crypto';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Kysely } from 'kysely';
import { tagHeaders } from '../cdn/purge';
import type { Context } from '../graphql/context';
import type { Database } from '../store/database';
import {
  type BoxKey,
  type ReleasedBox,
  boxesOfSlugs,
  boxesReading,
  dropBox,
  lockBoxes,
  releasedBox,
  releasedBoxesOf,
  saveBox,
  slugsWithoutBoxes,
} from '../store/released-box.store';
import { representation } from './conditional-get';
import { readPersistedGet } from './persisted-get';
import type { PersistedOperations } from './persisted-operations';
import type { CachedResponse } from './response-cache';

/** What browsers send with fetch(), which the widget's requests carry. */
export const BROWSER_ACCEPT = '*/*';

/** What Apollo answers a request with when it accepts JSON, or anything (a browser's fetch, curl). */
const JSON_TYPE = 'application/json; charset=utf-8';

const SLUG_TAG = 'explainer-slug:';

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

  private async renderAll(db: Kysely<Database>, keys: readonly BoxKey[]): Promise<number> {
    const unique = new Map(keys.map((k) => [`${k.slug}\n${k.locale}`, k]));
    for (const key of unique.values()) await this.renderOne(db, key);
    return unique.size;
  }

  private async renderOne(db: Kysely<Database>, key: BoxKey): Promise<void> {
    const params = new URLSearchParams({ operationName: 'ContextBox', variables: boxVariables(key), extensions: this.extensions });
    const found = readPersistedGet('GET', new URL(`/graphql?${params}`, 'http://localhost'), this.options.persisted);
    if (found.kind !== 'found') return;
    const context = this.options.context(db);
    const response = await this.options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'GET', headers: new HeaderMap([['accept', BROWSER_ACCEPT], ['apollo-require-preflight', 'persisted']]), search: found.search, body: undefined },
      context: async () => context,
    });
    const body = response.body.kind === 'complete' && (response.status ?? 200) === 200 ? response.body.string : undefined;
    const answer = body === undefined ? undefined : (JSON.parse(body) as { data?: { contextBox?: { locale?: string } | null }; errors?: unknown });
    const locale = answer && !answer.errors ? answer.data?.contextBox?.locale : undefined;
    const edition = locale === undefined ? undefined : await db.selectFrom('released_explainers').select('id').where('slug', '=', key.slug).where('locale', '=', locale).executeTakeFirst();
    if (!edition || response.headers.get('content-type') !== JSON_TYPE) return dropBox(db, key);
    const rep = representation(body!, JSON_TYPE, 'fast');
    await saveBox(db, { ...key, renderer: this.renderer, explainerId: edition.id, body: body!, gzip: rep.gzip, etag: rep.etag, tags: [...context.tags] });
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
    const row = key && (await releasedBox(db, key, this.renderer));
    return row ? cachedResponseOf(row) : undefined;
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
  return { body: Buffer.from(row.body), type: JSON_TYPE, etag: row.etag, gzip: row.gzip ? Buffer.from(row.gzip) : undefined, tags, tagHeaders: tagHeaders(tags) };
}

/** Apollo answers these with application/json, as the box was rendered; any other Accept is left to it. */
function acceptsJson(accept: string | undefined): boolean {
  return accept === undefined || accept === '' || accept === BROWSER_ACCEPT || accept === 'application/json';
}
