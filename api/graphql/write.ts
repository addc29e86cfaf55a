import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import type { Role } from '../store/key.store';
import type { Actor } from '../store/revision.store';
import { requireRole } from './auth';
import type { Context } from './context';

/**
 * Every mutation: the key's role is checked first, then the change runs in one transaction,
 * so it happens whole or not at all.
 */
export async function write<T>(ctx: Context, role: Role, change: (db: Kysely<Database>, actor: Actor) => Promise<T>): Promise<T> {
  const key = requireRole(ctx, role);
  return ctx.db.transaction().execute((trx) => change(trx, { keyId: key.id }));
}
