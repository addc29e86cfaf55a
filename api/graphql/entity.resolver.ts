import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { UserInputError } from '../errors';
import type * as store from '../store/entity.store';
import { findEntity, listEntities, searchEntities } from '../store/entity.store';
import { entityByPartOfName } from '../store/search.store';
import type { EntityFact } from '../store/fact.store';
import type { EntityRelation } from '../store/relation.store';
import { Connection, toConnection } from './connection.type';
import type { Context } from './context';
import { EntityKind } from './enums';
import { Alias, Entity, Fact, Relation } from './entity.type';
import { Explainer } from './explainer.type';
import { fromGlobalId, toGlobalId } from './node';
import { Source } from './source.type';
import { questionFor } from '../box/questions';
import { negotiate } from '../locale/negotiate';
import { tags } from '../store/tags';
import { foldName } from '../text/fold';
import { checkFirst, checkSearchWords, checkSlug, checkText, pageSize, readerLocales } from './validate';

const EntityConnection = Connection('Entity', Entity);

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, {
    nullable: true,
    description: 'One entity by id, slug, or name: any alias, ignoring case, punctuation and diacritics. Give exactly one.',
  })
  entity(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Arg('locale', () => String, { nullable: true, description: 'The reader\'s language (a BCP 47 tag or an Accept-Language list): aliases in it win.' })
    locale: string | null,
    @Arg('preview', { defaultValue: false, description: 'With an editor key: include drafts.' }) _preview: boolean,
    @Ctx() ctx: Context,
  ): Promise<store.Entity | undefined> {
    const given = [id, slug, name].filter((x) => x != null).length;
    if (given !== 1) throw new UserInputError(id != null ? 'id' : slug != null ? 'slug' : 'name', 'give exactly one of id, slug and name');
    const aliasLocale = negotiate(readerLocales('locale', locale), ctx.config.locales) ?? ctx.config.locales[0];
    if (id != null) {
      const global = fromGlobalId(id);
      if (global.type !== 'Entity') return Promise.resolve(undefined);
      return ctx.loaders.entity.load(global.id);
    }
    if (slug != null) return readEntity(ctx, { slug: checkSlug('slug', slug) });
    return readEntity(ctx, { name: checkText('name', name!), locale: aliasLocale });
  }

  @Query(() => EntityConnection, { description: 'Entities in name order, or with search the best matches first.' })
  async entities(
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('kind', () => EntityKind, { nullable: true }) kind: EntityKind | null,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Candidates for a name or part of one ("Khorasan", "isi" as typed), ranked as search ranks them.',
    })
    search: string | null,
    @Arg('preview', { defaultValue: false, description: 'With an editor key: include drafts.' }) _preview: boolean,
    @Ctx() ctx: Context,
  ) {
    checkFirst('first', first);
    ctx.tags.add(tags.lists);
    if (search == null) return toConnection(await listEntities(ctx.db, { first, after, kind: kind ?? undefined }, ctx.visibility));
    if (kind != null) throw new UserInputError('kind', 'give kind or search, not both');
    return toConnection(await searchEntities(ctx.db, checkSearchWords('search', search), { first, after }, ctx.visibility));
  }

  @FieldResolver(() => ID)
  id(@Root() entity: store.Entity): string {
    return toGlobalId('Entity', entity.id);
  }

  @FieldResolver(() => String, { description: 'The question a box about it asks: an editor\'s, else "Who is Amira Jadoon?", "What is the Afghan Taliban?", "What was the Kabul airport attack?".' })
  question(@Root() entity: store.Entity): string {
    return questionFor(entity);
  }

  @FieldResolver(() => [Alias], { description: 'Every name it goes by, its own name first.' })
  aliases(@Root() entity: store.Entity, @Ctx() ctx: Context) {
    return ctx.loaders.aliasesByEntity.load(entity.id);
  }

  @FieldResolver(() => [Fact])
  facts(@Root() entity: store.Entity, @Ctx() ctx: Context) {
    return ctx.loaders.factsByEntity.load(entity.id);
  }

  @FieldResolver(() => [Relation], { description: 'Relations in which this entity is the subject.' })
  relations(@Root() entity: store.Entity, @Ctx() ctx: Context) {
    return ctx.loaders.outgoingRelations.load(entity.id);
  }

  @FieldResolver(() => [Relation], { description: 'Relations in which this entity is the object: the first `first` (1 to 100).' })
  async incomingRelations(@Root() entity: store.Entity, @Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number) {
    checkFirst('first', first);
    return (await ctx.loaders.incomingRelations.load(entity.id)).slice(0, first);
  }

  @FieldResolver(() => [Explainer], { description: 'Explainers about this entity or mentioning it: the first `first` (1 to 100).' })
  async explainers(@Root() entity: store.Entity, @Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number) {
    checkFirst('first', first);
    return (await ctx.loaders.explainersByEntity.load(entity.id)).slice(0, first).map((x) => x.explainer);
  }

  @FieldResolver(() => String, { nullable: true })
  wikidataUrl(@Root() entity: store.Entity): string | null {
    return entity.wikidataId ? `https://www.wikidata.org/wiki/${entity.wikidataId}` : null;
  }
}

@Resolver(() => Fact)
export class FactResolver {
  @FieldResolver(() => [Source], { description: 'The sources the text attributes this fact to; empty when it attributes it to none.' })
  sources(@Root() fact: EntityFact, @Ctx() ctx: Context) {
    return ctx.loaders.sourcesByFact.load(fact.id);
  }
}

@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => Entity)
  subject(@Root() relation: EntityRelation, @Ctx() ctx: Context) {
    return ctx.loaders.entity.load(relation.subjectId);
  }

  @FieldResolver(() => Entity)
  object(@Root() relation: EntityRelation, @Ctx() ctx: Context) {
    return ctx.loaders.entity.load(relation.objectId);
  }

  @FieldResolver(() => [Source])
  sources(@Root() relation: EntityRelation, @Ctx() ctx: Context) {
    return ctx.loaders.sourcesByRelation.load(relation.id);
  }
}

/**
 * An entity by slug, or by name (any alias; with orSlug, else as a slug), marked as read: by the lookup, which
 * publishing the entity (or another that takes the name) changes, and by what it found.
 */
export async function readEntity(
  ctx: Context,
  by: { slug: string } | { name: string; locale: string; orSlug?: boolean },
): Promise<store.Entity | undefined> {
  let found: store.Entity | undefined;
  if ('slug' in by) {
    ctx.tags.add(tags.entitySlug(by.slug));
    found = await findEntity(ctx.db, { slug: by.slug }, ctx.visibility);
  } else {
    ctx.tags.add(tags.entityName(foldName(by.name)));
    found = await findEntity(ctx.db, { name: by.name, locale: by.locale }, ctx.visibility);
    if (!found && by.orSlug) {
      ctx.tags.add(tags.entitySlug(by.name));
      found = await findEntity(ctx.db, { slug: by.name }, ctx.visibility);
    }
    if (!found) {
      // A distinctive part of a name ("Khorasan"), while only one entity's names hold it: any publish may change that.
      ctx.tags.add(tags.lists);
      const id = await entityByPartOfName(ctx.db, by.name, ctx.visibility);
      if (id) found = await findEntity(ctx.db, { id }, ctx.visibility);
    }
  }
  if (found) ctx.tags.add(tags.entity(found.id));
  return found;
}
