import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../store/database';
import type { Visibility } from '../store/ids';
import type { ApiKey } from '../store/key.store';
import type { Annotators } from '../text/annotators';
import { type Loaders, createLoaders } from './loaders';

/** Per request: the store, who is asking, what they may see, and DataLoaders batching within the request. */
export interface Context {
  db: Kysely<Database>;
  config: Config;
  /** The API key the request carries, if any (already checked). */
  key: ApiKey | undefined;
  /** The client's address, for rate limits. */
  ip: string;
  visibility: Visibility;
  loaders: Loaders;
  /** Built from the entities' aliases; shared by every request of the app. */
  annotators: Annotators;
  /** What this request read of what readers see (store/tags.ts): the tags of its response. */
  tags: Set<string>;
  /** What this request's writes changed for readers: the responses to drop once it is done. */
  published: Set<string>;
}

export function createContext(db: Kysely<Database>, config: Config, annotators: Annotators, key: ApiKey | undefined, ip = ''): Context {
  const tags = new Set<string>();
  return { db, config, annotators, key, ip, visibility: 'public', loaders: createLoaders(db, 'public', tags), tags, published: new Set() };
}

/** Lets the request see drafts: called before execution, never midway. */
export function enablePreview(ctx: Context): void {
  ctx.visibility = 'preview';
  ctx.loaders = createLoaders(ctx.db, 'preview', ctx.tags);
}
