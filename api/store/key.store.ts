import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ApiKeyRow, Database, Role } from './database';
import { StoreInputError } from './errors';
import { newId, now } from './ids';

export type { Role } from './database';
export const roles: readonly Role[] = ['editor', 'publisher', 'admin'];

/** What each role may do beyond the one before it: publisher publishes, admin manages keys. */
export function roleAllows(role: Role, needed: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(needed);
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const toKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  name: r.name,
  role: r.role,
  prefix: r.prefix,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Keys read "bsk_<prefix>_<secret>"; only the prefix and a SHA-256 of the whole key are stored. */
export async function createKey(db: Kysely<Database>, input: { name: string; role: Role }): Promise<{ key: ApiKey; secret: string }> {
  if (!roles.includes(input.role)) throw new StoreInputError(['role'], `one of ${roles.join(', ')}`);
  if (!input.name.trim() || input.name.length > 100) throw new StoreInputError(['name'], 'a name of 1 to 100 characters');
  const prefix = randomBytes(6).toString('hex');
  const secret = `bsk_${prefix}_${randomBytes(24).toString('base64url')}`;
  const row: ApiKeyRow = {
    id: newId(),
    name: input.name.trim(),
    role: input.role,
    prefix,
    hash: hash(secret),
    created_at: now(),
    revoked_at: null,
    last_used_at: null,
  };
  await db.insertInto('api_keys').values(row).execute();
  return { key: toKey(row), secret };
}

/** The live key a bearer secret belongs to, or undefined; records its use at most once a minute. */
export async function authenticate(db: Kysely<Database>, secret: string): Promise<ApiKey | undefined> {
  const match = /^bsk_([0-9a-f]{12})_[A-Za-z0-9_-]{32}$/.exec(secret);
  if (!match) return undefined;
  const row = await db.selectFrom('api_keys').selectAll().where('prefix', '=', match[1]).executeTakeFirst();
  if (!row || row.revoked_at) return undefined;
  if (!timingSafeEqual(Buffer.from(row.hash, 'hex'), Buffer.from(hash(secret), 'hex'))) return undefined;
  const at = now();
  if (!row.last_used_at || Date.parse(at) - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', row.id).execute();
    row.last_used_at = at;
  }
  return toKey(row);
}

export async function listKeys(db: Kysely<Database>): Promise<ApiKey[]> {
  return (await db.selectFrom('api_keys').selectAll().orderBy('created_at').execute()).map(toKey);
}

export async function revokeKey(db: Kysely<Database>, by: { id?: string; prefix?: string }): Promise<ApiKey | undefined> {
  let query = db.updateTable('api_keys').set({ revoked_at: now() }).where('revoked_at', 'is', null);
  if (by.id) query = query.where('id', '=', by.id);
  else if (by.prefix) query = query.where('prefix', '=', by.prefix);
  else return undefined;
  const row = await query.returningAll().executeTakeFirst();
  return row && toKey(row);
}

export async function keysByIds(db: Kysely<Database>, ids: readonly string[]): Promise<ApiKey[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('api_keys').selectAll().where('id', 'in', [...ids]).execute()).map(toKey);
}
