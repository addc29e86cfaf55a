import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { UserInputError } from '../errors';
import { StoreInputError } from '../store/errors';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import { addAlias, removeAlias } from '../store/alias.store';
import { createEntity, findEntity, updateEntity } from '../store/entity.store';
import { changeEntity } from '../store/entity-revision.store';
import { addFact, factsByIds, removeFact } from '../store/fact.store';
import { mergeEntities } from '../store/merge.store';
import { addRelation, relationsByIds, removeRelation } from '../store/relation.store';
import { citeFact, citeRelation, createSource } from '../store/source.store';
import { missingIds } from '../store/references';
import { publishEntity, releaseMerge, unpublishEntity } from '../store/publishing.store';
import type { Context } from './context';
import { CreateEntityInput, CreateSourceInput, FactInput, RelationInput, UpdateEntityInput } from './entity.input';
import { Entity, Fact, Relation } from './entity.type';
import { idOf } from './node';
import { Source } from './source.type';
import { checkDate, checkLocale, checkSlug, checkText } from './validate';
import { write } from './write';

const wikidata = /^Q[1-9][0-9]{0,11}$/;

const what = { entities: 'entity', sources: 'source', entity_facts: 'fact', entity_relations: 'relation' } as const;

/** The id, once it is known to name a row; otherwise BAD_USER_INPUT at the argument. */
async function existing(db: Kysely<Database>, table: keyof typeof what, id: string, at: string | Array<string | number>): Promise<string> {
  if ((await missingIds(db, table, [id])).length) throw new UserInputError(at, `no such ${what[table]}`);
  return id;
}

@Resolver()
export class EntityEditingResolver {
  @Mutation(() => Entity, { description: 'A new draft entity with its aliases. Editor.' })
  createEntity(@Arg('input') input: CreateEntityInput, @Ctx() ctx: Context) {
    return write(ctx, 'editor', async (db) => {
      if (input.wikidataId != null && !wikidata.test(input.wikidataId)) throw new UserInputError('input.wikidataId', 'a Wikidata item id, like Q889');
      const locale = checkLocale('input.locale', input.locale, ctx.config);
      const entity = await createEntity(db, {
        slug: checkSlug('input.slug', input.slug),
        kind: input.kind,
        name: checkText('input.name', input.name),
        description: checkText('input.description', input.description, 300),
        summary: checkText('input.summary', input.summary, 2000),
        wikidataId: input.wikidataId,
        question: input.question == null ? null : checkText('input.question', input.question, 200),
        status: 'draft',
      });
      for (const [i, alias] of input.aliases.entries()) {
        try {
          await addAlias(db, entity.id, { name: checkText(['input', 'aliases', i].join('.'), alias), locale });
        } catch (error) {
          if (error instanceof StoreInputError) throw new StoreInputError(['input', 'aliases', i], error.message, error.kind);
          throw error;
        }
      }
      return entity;
    });
  }

  @Mutation(() => Entity, { description: 'Changes the fields given. Editor; fails with CONFLICT when expectedVersion is stale.' })
  updateEntity(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: UpdateEntityInput,
    @Ctx() ctx: Context,
  ) {
    return write(ctx, 'editor', async (db) => {
      if (input.wikidataId != null && !wikidata.test(input.wikidataId)) throw new UserInputError('input.wikidataId', 'a Wikidata item id, like Q889');
      return updateEntity(db, idOf('Entity', id, 'id'), expectedVersion, {
        slug: input.slug === undefined ? undefined : checkSlug('input.slug', input.slug),
        kind: input.kind,
        name: input.name === undefined ? undefined : checkText('input.name', input.name),
        description: input.description === undefined ? undefined : checkText('input.description', input.description, 300),
        summary: input.summary === undefined ? undefined : checkText('input.summary', input.summary, 2000),
        wikidataId: input.wikidataId,
        question: input.question === undefined ? undefined : input.question === null ? null : checkText('input.question', input.question, 200),
      });
    });
  }

  @Mutation(() => Entity, { description: 'One alias names one entity per locale: another entity\'s alias is a CONFLICT. Editor.' })
  addAlias(@Arg('entity', () => ID) entity: string, @Arg('name') name: string, @Arg('locale', { defaultValue: 'en' }) locale: string, @Ctx() ctx: Context) {
    return write(ctx, 'editor', async (db) => {
      const id = await existing(db, 'entities', idOf('Entity', entity, 'entity'), 'entity');
      await changeEntity(db, id, undefined, 'add alias');
      await addAlias(db, id, { name: checkText('name', name), locale: checkLocale('locale', locale, ctx.config) });
      return findEntity(db, { id }, 'preview');
    });
  }

  @Mutation(() => Entity, { description: 'Editor.' })
  removeAlias(@Arg('entity', () => ID) entity: string, @Arg('name') name: string, @Arg('locale', { defaultValue: 'en' }) locale: string, @Ctx() ctx: Context) {
    return write(ctx, 'editor', async (db) => {
      const id = idOf('Entity', entity, 'entity');
      await removeAlias(db, id, { name, locale: checkLocale('locale', locale, ctx.config) });
      return findEntity(db, { id }, 'preview');
    });
  }

  @Mutation(() => Fact, { description: 'Editor.' })
  addFact(@Arg('entity', () => ID) entity: string, @Arg('input') input: FactInput, @Ctx() ctx: Context) {
    return write(ctx, 'editor', async (db) => {
      const id = await existing(db, 'entities', idOf('Entity', entity, 'entity'), 'entity');
      if (input.date != null) checkDate('input.date', input.date, 'partial');
      if (input.dateEnd != null) {
        if (input.date == null) throw new UserInputError('input.dateEnd', 'a span needs its start: give date too');
        // Partial ISO dates of one shape compare as strings; 2015 to 2018-06 compares by the common prefix.
        if (checkDate('input.dateEnd', input.dateEnd, 'partial') < input.date.slice(0, input.dateEnd.length)) throw new UserInputError('input.dateEnd', 'a span ends after it starts');
      }
      const sourceIds: string[] = [];
      for (const [i, s] of input.sources.entries()) sourceIds.push(await existing(db, 'sources', idOf('Source', s, ['input', 'sources', i]), ['input', 'sources', i]));
      await changeEntity(db, id, undefined, 'add fact');
      return addFact(db, id, {
        kind: checkText('input.kind', input.kind, 50),
        label: checkText('input.label', input.label),
        value: checkText('input.value', input.value, 1000),
        date: input.date,
        dateEnd: input.dateEnd,
        hedge: input.hedge,
        sourceIds,
      });
    });
  }

  @Mutation(() => Boolean, { description: 'Editor.' })
  async removeFact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return write(ctx, 'editor', async (db) => {
      await removeFact(db, id);
      return true;
    });
  }

  @Mutation(() => Relation, { description: 'subject PREDICATE object. Editor.' })
  addRelation(@Arg('input') input: RelationInput, @Ctx() ctx: Context) {
    return write(ctx, 'editor', async (db) => {
      const subjectId = await existing(db, 'entities', idOf('Entity', input.subject, 'input.subject'), 'input.subject');
      const objectId = await existing(db, 'entities', idOf('Entity', input.object, 'input.object'), 'input.object');
      const sourceIds: string[] = [];
      for (const [i, s] of input.sources.entries()) sourceIds.push(await existing(db, 'sources', idOf('Source', s, ['input', 'sources', i]), ['input', 'sources', i]));
      await changeEntity(db, subjectId, undefined, 'add relation');
      return addRelation(db, { subjectId, predicate: input.predicate, objectId, hedge: input.hedge, note: input.note, sourceIds });
    });
  }

  @Mutation(() => Boolean, { description: 'Editor.' })
  removeRelation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return write(ctx, 'editor', async (db) => {
      await removeRelation(db, id);
      return true;
    });
  }

  @Mutation(() => Entity, { description: 'Makes the working copy the entity\'s next release, which readers see from now on. Publisher.' })
  publishEntity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.setStatus(ctx, id, 'published');
  }

  @Mutation(() => Entity, { description: 'Back to draft: readers see it nowhere, and mentions of it read as plain words. Publisher.' })
  unpublishEntity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.setStatus(ctx, id, 'draft');
  }

  @Mutation(() => Entity, {
    description:
      'Folds `from` into `into`: aliases, facts, relations and mentions move, and `from`\'s id and slug resolve to `into` from then on. ' +
      'Each explainer whose text mentioned `from` gets a new version. Publisher.',
  })
  mergeEntities(@Arg('from', () => ID) from: string, @Arg('into', () => ID) into: string, @Ctx() ctx: Context) {
    return write(ctx, 'publisher', async (db, actor, changed) => {
      const intoId = idOf('Entity', into, 'into');
      const fromId = idOf('Entity', from, 'from');
      await mergeEntities(db, fromId, intoId, actor);
      await releaseMerge(db, fromId, intoId, actor, changed);
      return findEntity(db, { id: intoId }, 'preview');
    });
  }

  @Mutation(() => Source, { description: 'Editor.' })
  createSource(@Arg('input') input: CreateSourceInput, @Ctx() ctx: Context) {
    return write(ctx, 'editor', async (db) => {
      if (input.url != null && !/^https?:\/\/\S+$/.test(input.url)) throw new UserInputError('input.url', 'an http(s) URL');
      const publisherId = input.publisher == null ? null : await existing(db, 'entities', idOf('Entity', input.publisher, 'input.publisher'), 'input.publisher');
      return createSource(db, { slug: checkSlug('input.slug', input.slug), kind: input.kind, name: checkText('input.name', input.name), url: input.url, publisherId });
    });
  }

  @Mutation(() => Fact, { description: 'Attributes a fact to a source. Editor.' })
  citeFact(@Arg('fact', () => ID) fact: string, @Arg('source', () => ID) source: string, @Ctx() ctx: Context) {
    return write(ctx, 'editor', async (db) => {
      const factId = await existing(db, 'entity_facts', fact, 'fact');
      await citeFact(db, factId, await existing(db, 'sources', idOf('Source', source, 'source'), 'source'));
      const cited = (await factsByIds(db, [factId], 'preview'))[0];
      await changeEntity(db, cited.entityId, undefined, 'cite fact');
      return cited;
    });
  }

  @Mutation(() => Relation, { description: 'Attributes a relation to a source. Editor.' })
  citeRelation(@Arg('relation', () => ID) relation: string, @Arg('source', () => ID) source: string, @Ctx() ctx: Context) {
    return write(ctx, 'editor', async (db) => {
      const relationId = await existing(db, 'entity_relations', relation, 'relation');
      await citeRelation(db, relationId, await existing(db, 'sources', idOf('Source', source, 'source'), 'source'));
      const cited = (await relationsByIds(db, [relationId], 'preview'))[0];
      await changeEntity(db, cited.subjectId, undefined, 'cite relation');
      return cited;
    });
  }

  private setStatus(ctx: Context, id: string, status: 'draft' | 'published') {
    return write(ctx, 'publisher', async (db, actor, changed) => {
      const entityId = await existing(db, 'entities', idOf('Entity', id, 'id'), 'id');
      if (status === 'published') await publishEntity(db, entityId, actor, changed);
      else await unpublishEntity(db, entityId, changed);
      return findEntity(db, { id: entityId }, 'preview');
    });
  }
}

