import type { Kysely } from 'kysely';
import { foldName } from '../text/fold';
import type { Database, EntityAliasRow } from './database';
import { changeEntity } from './entity-revision.store';
import { StoreInputError } from './errors';
import { newId, type Visibility, visibleStatuses } from './ids';
import { nextPosition } from './positions';
import { from } from './scope';
import { indexEntity } from './search.store';

export interface EntityAlias {
  id: string;
  entityId: string;
  locale: string;
  name: string;
}

const toAlias = (r: EntityAliasRow): EntityAlias => ({ id: r.id, entityId: r.entity_id, locale: r.locale, name: r.name });

/** Adds many aliases and indexes the entity once. */
export async function addAliases(db: Kysely<Database>, entityId: string, aliases: Array<{ name: string; locale: string }>): Promise<void> {
  for (const alias of aliases) await addAlias(db, entityId, alias, false);
  await indexEntity(db, entityId);
}

/** One alias names one entity per locale; a second entity claiming it is a conflict. */
export async function addAlias(db: Kysely<Database>, entityId: string, alias: { name: string; locale: string }, index = true): Promise<EntityAlias> {
  const normalized = foldName(alias.name);
  if (!normalized) throw new StoreInputError(['name'], 'an alias needs at least one letter or digit');
  const existing = await db
    .selectFrom('entity_aliases')
    .selectAll()
    .where('locale', '=', alias.locale)
    .where('normalized', '=', normalized)
    .executeTakeFirst();
  if (existing) {
    if (existing.entity_id === entityId) return toAlias(existing);
    throw new StoreInputError(['name'], `the alias "${alias.name}" already names another entity in locale ${alias.locale}`, 'conflict');
  }
  const position = await nextPosition(db, 'entity_aliases', 'entity_id', entityId);
  const row: EntityAliasRow = { id: newId(), entity_id: entityId, locale: alias.locale, name: alias.name, normalized, position };
  await db.insertInto('entity_aliases').values(row).execute();
  if (index) await indexEntity(db, entityId);
  return toAlias(row);
}

export async function removeAlias(db: Kysely<Database>, entityId: string, alias: { name: string; locale: string }): Promise<void> {
  const entity = await db.selectFrom('entities').select('name').where('id', '=', entityId).executeTakeFirst();
  if (entity && foldName(entity.name) === foldName(alias.name)) throw new StoreInputError(['name'], 'an entity\'s own name is always an alias; rename it instead');
  const removed = await db
    .deleteFrom('entity_aliases')
    .where('entity_id', '=', entityId)
    .where('locale', '=', alias.locale)
    .where('normalized', '=', foldName(alias.name))
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw new StoreInputError(['name'], `the entity has no alias "${alias.name}" in ${alias.locale}`, 'not_found');
  await changeEntity(db, entityId, undefined, 'remove alias');
  await indexEntity(db, entityId);
}

export async function aliasesByEntityIds(db: Kysely<Database>, ids: readonly string[], visibility: Visibility): Promise<EntityAlias[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(from(visibility, 'entity_aliases')).selectAll().where('entity_id', 'in', [...ids]).orderBy('position').execute();
  return rows.map(toAlias);
}

/** Every alias of every entity the reader may see, for the annotator. */
export async function allAliases(db: Kysely<Database>, visibility: Visibility): Promise<Array<{ name: string; entityId: string }>> {
  const rows = await db
    .selectFrom(from(visibility, 'entity_aliases'))
    .innerJoin(from(visibility, 'entities'), 'entities.id', 'entity_aliases.entity_id')
    .select(['entity_aliases.name', 'entity_aliases.entity_id'])
    .where('entities.status', 'in', visibleStatuses(visibility))
    .where('entities.merged_into', 'is', null)
    .execute();
  return rows.map((r) => ({ name: r.name, entityId: r.entity_id }));
}
