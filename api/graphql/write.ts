import type { Kysely } from 'kysely';
import { announceChange } from '../store/change-feed';
import type { Database } from '../store/database';
import type { Role } from '../store/key.store';
import type { Actor } from '../store/revision.store';
import { requireRole } from './auth';
import type { Context } from './context';

/**
 * Every mutation: the key's role is checked first, then the change runs in one transaction,
 * so it happens whole or not at all, and on commit every process on the same PostgreSQL hears
 * of it (see store/change-feed.ts).
 */
export async function write<T>(ctx: Context, role: Role, change: (db: Kysely<Database>, actor: Actor) => Promise<T>): Promise<T> {
  const key = requireRole(ctx, role);
  return ctx.db.transaction().execute(async (trx) => {
    const result = await change(trx, { keyId: key.id });
    await announceChange(trx, ctx.config.databaseSchema);
    return result;
  });
}
