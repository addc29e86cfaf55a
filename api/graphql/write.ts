import type { Kysely } from 'kysely';
import { recordEntityRevisions } from '../store/entity-revision.store';
import type { Database } from '../store/database';
import type { Role } from '../store/key.store';
import type { Changed } from '../store/publishing.store';
import type { Actor } from '../store/revision.store';
import { requireRole } from './auth';
import type { Context } from './context';

/**
 * Every mutation: the key's role is checked first, then the change runs in one transaction,
 * so it happens whole or not at all; before it commits, the boxes kept of releases it changed are
 * rendered again in it and the change is announced, so that on commit every process on the same
 * PostgreSQL hears of it (see store/change-feed.ts), with the tags of what it changed for readers:
 * a publish names its explainer's or entity's, an edit of a working copy none.
 */
export async function write<T>(
  ctx: Context,
  role: Role,
  change: (db: Kysely<Database>, actor: Actor, changed: Changed) => Promise<T>,
): Promise<T> {
  const key = requireRole(ctx, role);
  const changed: Changed = new Set();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const result = await change(trx, { keyId: key.id }, changed);
    await recordEntityRevisions(trx, { keyId: key.id });
    await ctx.beforeCommit(trx, [...changed]);
    return result;
  });
  for (const tag of changed) ctx.published.add(tag);
  return result;
}
