import { Arg, Ctx, FieldResolver, GraphQLISODateTime, ID, Query, Resolver, Root } from 'type-graphql';
import { type Box, type BoxReader, type KeyFact as KeyFactValue, UnknownSection, buildBox, keyFactsOf } from '../box/context-box';
import { UserInputError } from '../errors';
import type { Entity as EntityRecord } from '../store/entity.store';
import type { Explainer as ExplainerRecord } from '../store/explainer.store';
import type { Section as SectionRecord } from '../store/section.store';
import type { Context } from './context';
import { ContextBox, KeyFact } from './context-box.type';
import { readEntity } from './entity.resolver';
import { Entity } from './entity.type';
import { TextDirection, directionOf } from './enums';
import { explainerUrl, readEditions } from './explainer.resolver';
import { Correction, Explainer } from './explainer.type';
import { loadPresent } from './loaders';
import { toGlobalId } from './node';
import { Section } from './section.type';
import { Source } from './source.type';
import { READER_LOCALE, checkSlug, checkText, readerLocales } from './validate';
import { entityPageUrl } from '../pages/page-urls';

/** The box module's view of the store for this request: the reader's copy, batched and tagged. */
export function boxReader(ctx: Context): BoxReader {
  const l = ctx.loaders;
  return {
    editions: (slug) => readEditions(ctx, slug),
    entityByName: (name, locale) => readEntity(ctx, { name, locale, orSlug: true }),
    entity: (id) => l.entity.load(id),
    explainersOf: async (id) => (await l.explainersByEntity.load(id)).map((x) => x.explainer),
    sections: (id) => l.sectionsByExplainer.load(id),
    facts: (id) => l.factsByEntity.load(id),
    aliases: (id) => l.aliasesByEntity.load(id),
    relations: (id) => l.outgoingRelations.load(id),
    incomingRelations: (id) => l.incomingRelations.load(id),
    entities: (ids) => loadPresent(l.entity, ids),
    factSources: (id) => l.sourcesByFact.load(id),
    relationSources: async (ids) => (await l.sourcesByRelation.loadMany(ids)).flatMap((s) => (s instanceof Error ? [] : s)),
  };
}

function boxSettings(ctx: Context) {
  return {
    locales: ctx.config.locales,
    explainerUrl: (x: ExplainerRecord) => explainerUrl(ctx, x),
    entityUrl: (e: EntityRecord) => entityPageUrl(ctx.config, e.slug),
  };
}

@Resolver(() => ContextBox)
export class ContextBoxResolver {
  @Query(() => ContextBox, {
    nullable: true,
    description:
      'What a context box shows for an explainer (by slug) or an entity (by any alias); give exactly one. ' +
      'Serves the edition that suits the reader\'s locale best (`locale` on the box says which). Null when there is nothing to show.',
  })
  async contextBox(
    @Arg('explainer', () => String, { nullable: true }) explainerSlug: string | null,
    @Arg('entity', () => String, { nullable: true, description: 'Slug or any alias.' }) entityName: string | null,
    @Arg('section', () => String, { nullable: true, description: 'Show only this section.' }) section: string | null,
    @Arg('locale', () => String, { nullable: true, description: READER_LOCALE }) locale: string | null,
    @Arg('preview', { defaultValue: false, description: 'With an editor key: include drafts.' }) _preview: boolean,
    @Ctx() ctx: Context,
  ): Promise<Box | undefined> {
    if ((explainerSlug == null) === (entityName == null)) {
      throw new UserInputError('explainer', 'give exactly one of explainer and entity');
    }
    const wanted = readerLocales('locale', locale);
    if (section != null) checkSlug('section', section);
    const request = explainerSlug != null ? { explainer: checkSlug('explainer', explainerSlug) } : { entity: checkText('entity', entityName!) };
    try {
      return await buildBox(boxReader(ctx), { ...request, section: section ?? undefined, wanted }, boxSettings(ctx));
    } catch (error) {
      if (error instanceof UnknownSection) throw new UserInputError('section', `the explainer has no section "${error.message}"`);
      throw error;
    }
  }

  @FieldResolver(() => ID, { description: 'Stable per explainer (or entity) and section: a cache key.' })
  id(@Root() box: Box): string {
    const base = box.explainer ? toGlobalId('Explainer', box.explainer.id) : toGlobalId('Entity', box.subject!.id);
    return box.section ? `${base}.${box.section}` : base;
  }

  @FieldResolver(() => TextDirection)
  direction(@Root() box: Box): TextDirection {
    return directionOf(box.locale);
  }

  @FieldResolver(() => GraphQLISODateTime)
  updatedAt(@Root() box: Box): string {
    return (box.explainer ?? box.subject)!.updatedAt;
  }

  @FieldResolver(() => Explainer, { nullable: true })
  explainer(@Root() box: Box) {
    return box.explainer;
  }

  @FieldResolver(() => Entity, { nullable: true })
  subject(@Root() box: Box) {
    return box.subject;
  }

  @FieldResolver(() => [KeyFact], {
    description: 'Founded, also known as, active in, affiliate of, claimed responsibility for, an index\'s ranking; for an event, who claimed it: those the subject has.',
  })
  keyFacts(@Root() box: Box, @Ctx() ctx: Context): Promise<KeyFactValue[]> {
    return keyFactsOf(boxReader(ctx), box, boxSettings(ctx).entityUrl);
  }

  @FieldResolver(() => [Section], { description: 'The explainer\'s sections, or only the one asked for.' })
  async sections(@Root() box: Box, @Ctx() ctx: Context): Promise<SectionRecord[]> {
    if (!box.explainer) return [];
    const sections = await ctx.loaders.sectionsByExplainer.load(box.explainer.id);
    return box.section ? sections.filter((s) => s.slug === box.section) : sections;
  }

  @FieldResolver(() => [Source])
  async sources(@Root() box: Box, @Ctx() ctx: Context) {
    return box.explainer ? ctx.loaders.sourcesByExplainer.load(box.explainer.id) : [];
  }

  @FieldResolver(() => [Correction])
  async corrections(@Root() box: Box, @Ctx() ctx: Context) {
    return box.explainer ? ctx.loaders.correctionsByExplainer.load(box.explainer.id) : [];
  }
}

// KeyFact.sources is a plain property of the computed value.
@Resolver(() => KeyFact)
export class KeyFactResolver {
  @FieldResolver(() => [Source])
  sources(@Root() fact: KeyFactValue) {
    return fact.sources;
  }
}

