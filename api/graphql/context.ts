import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../store/database';
import { publicReads } from '../store/dialect';
import type { Visibility } from '../store/ids';
import type { ApiKey } from '../store/key.store';
import type { Annotators } from '../text/annotators';
import type { ExecutionLimits } from './execution-limits';
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
  /** The request's deadline and response size, checked between resolvers. */
  limits: ExecutionLimits;
  /** Ends what the request holds in the store (a public request's transaction on PostgreSQL). */
  release(): Promise<void>;
  /** Reads through a transaction its caller holds (a box rendered inside a publish): it opens none of its own. */
  inTransaction?: boolean;
  /**
   * Inside a write's transaction, once its changes are made, with the tags of what they changed for
   * readers: renders again the boxes kept of those releases (http/released-boxes.ts) and announces the
   * change to every process on the store (store/change-feed.ts).
   */
  beforeCommit: BeforeCommit;
}

export type BeforeCommit = (db: Kysely<Database>, changed: readonly string[]) => Promise<void>;

export function createContext(
  db: Kysely<Database>,
  config: Config,
  annotators: Annotators,
  key: ApiKey | undefined,
  ip: string,
  limits: ExecutionLimits,
  beforeCommit: BeforeCommit,
): Context {
  const tags = new Set<string>();
  return { db, config, annotators, key, ip, visibility: 'public', loaders: createLoaders(db, 'public', tags), tags, published: new Set(), limits, release: async () => undefined, beforeCommit };
}

/**
 * A public query reads through publicReads (one transaction under the request's time limit, on
 * PostgreSQL). Called once the operation is accepted and before execution, so that a refused
 * request never touches the store.
 */
export async function readPublicly(ctx: Context): Promise<void> {
  if (ctx.inTransaction) return;
  const reads = await publicReads(ctx.db, ctx.config.requestTimeoutMs);
  ctx.db = reads.db;
  ctx.loaders = createLoaders(reads.db, ctx.visibility, ctx.tags);
  ctx.release = reads.release;
}

/** Lets the request see drafts: called before execution, never midway. */
export function enablePreview(ctx: Context): void {
  ctx.visibility = 'preview';
  ctx.loaders = createLoaders(ctx.db, 'preview', ctx.tags);
}
