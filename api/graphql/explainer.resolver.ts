import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type * as store from '../store/explainer.store';
import { chooseEdition, filterLocale } from '../locale/editions';
import { findEditions, listExplainers } from '../store/explainer.store';
import { tags } from '../store/tags';
import { findEntity } from '../store/entity.store';
import { foldWords } from '../text/fold';
import { Connection, toConnection } from './connection.type';
import type { Context } from './context';
import { Entity } from './entity.type';
import { TextDirection, directionOf } from './enums';
import { Correction, Explainer } from './explainer.type';
import { loadPresent } from './loaders';
import { toGlobalId } from './node';
import { Quote } from './quote.type';
import { Section } from './section.type';
import { Source } from './source.type';
import { READER_LOCALE, checkFirst, checkSlug, checkText, pageSize, readerLocales } from './validate';
import { explainerPageUrl } from '../pages/page-urls';

const ExplainerConnection = Connection('Explainer', Explainer);

@Resolver(() => Explainer)
export class ExplainerResolver {
  @Query(() => Explainer, {
    nullable: true,
    description: 'A published explainer by slug, in the edition that suits the reader best (its `locale` says which); null when there is none.',
  })
  async explainer(
    @Arg('slug') slug: string,
    @Arg('locale', () => String, { nullable: true, description: READER_LOCALE }) locale: string | null,
    @Arg('preview', { defaultValue: false, description: 'With an editor key: include drafts.' }) _preview: boolean,
    @Ctx() ctx: Context,
  ): Promise<store.Explainer | undefined> {
    const wanted = readerLocales('locale', locale);
    return chooseEdition(await readEditions(ctx, checkSlug('slug', slug)), wanted, ctx.config.locales[0]);
  }

  @Query(() => ExplainerConnection, { description: 'Explainers, newest first.' })
  async explainers(
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('entity', () => String, { nullable: true, description: 'Only explainers about or mentioning this entity (slug or any alias).' })
    entity: string | null,
    @Arg('text', () => String, { nullable: true, description: 'Only explainers whose text matches every word.' }) text: string | null,
    @Arg('locale', () => String, { nullable: true, description: 'Only explainers in this locale, or the one it falls back to (en-US: en).' })
    locale: string | null,
    @Arg('preview', { defaultValue: false, description: 'With an editor key: include drafts.' }) _preview: boolean,
    @Ctx() ctx: Context,
  ) {
    checkFirst('first', first);
    ctx.tags.add(tags.lists);
    const filter: store.ExplainerFilter = {};
    const inLocale = filterLocale(readerLocales('locale', locale), ctx.config.locales);
    if (inLocale) filter.locale = inLocale;
    if (text != null) filter.text = foldWords(checkText('text', text));
    if (entity != null) {
      const found =
        (await findEntity(ctx.db, { slug: checkText('entity', entity) }, ctx.visibility)) ??
        (await findEntity(ctx.db, { name: entity }, ctx.visibility));
      if (!found) return toConnection({ items: [], hasNextPage: false });
      filter.entityId = found.id;
    }
    return toConnection(await listExplainers(ctx.db, { first, after, ...filter }, ctx.visibility));
  }

  @FieldResolver(() => ID)
  id(@Root() explainer: store.Explainer): string {
    return toGlobalId('Explainer', explainer.id);
  }

  @FieldResolver(() => TextDirection)
  direction(@Root() explainer: store.Explainer): TextDirection {
    return directionOf(explainer.locale);
  }

  @FieldResolver(() => String, { description: 'The full explainer page.' })
  url(@Root() explainer: store.Explainer, @Ctx() ctx: Context): string {
    return explainerUrl(ctx, explainer);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'What the explainer is about.' })
  async subject(@Root() explainer: store.Explainer, @Ctx() ctx: Context) {
    return explainer.subjectId ? ctx.loaders.entity.load(explainer.subjectId) : undefined;
  }

  @FieldResolver(() => [Section])
  sections(@Root() explainer: store.Explainer, @Ctx() ctx: Context) {
    return ctx.loaders.sectionsByExplainer.load(explainer.id);
  }

  @FieldResolver(() => Section, { nullable: true })
  async section(@Root() explainer: store.Explainer, @Arg('slug') slug: string, @Ctx() ctx: Context) {
    checkSlug('slug', slug);
    return (await ctx.loaders.sectionsByExplainer.load(explainer.id)).find((s) => s.slug === slug);
  }

  @FieldResolver(() => [Source], { description: 'The sources the explainer cites, in reading order.' })
  sources(@Root() explainer: store.Explainer, @Ctx() ctx: Context) {
    return ctx.loaders.sourcesByExplainer.load(explainer.id);
  }

  @FieldResolver(() => [Quote])
  quotes(@Root() explainer: store.Explainer, @Ctx() ctx: Context) {
    return ctx.loaders.quotesByExplainer.load(explainer.id);
  }

  @FieldResolver(() => [Entity], { description: 'Every entity the sections mention, in order of first mention.' })
  async entities(@Root() explainer: store.Explainer, @Ctx() ctx: Context) {
    const sections = await ctx.loaders.sectionsByExplainer.load(explainer.id);
    const mentions = (await ctx.loaders.mentionsBySection.loadMany(sections.map((s) => s.id))).flatMap((m) => (m instanceof Error ? [] : m));
    return loadPresent(ctx.loaders.entity, [...new Set(mentions.map((m) => m.entityId))]);
  }

  @FieldResolver(() => [Correction])
  corrections(@Root() explainer: store.Explainer, @Ctx() ctx: Context) {
    return ctx.loaders.correctionsByExplainer.load(explainer.id);
  }

  @FieldResolver(() => [Explainer], { description: 'The same explainer in other locales.' })
  async translations(@Root() explainer: store.Explainer, @Ctx() ctx: Context) {
    return (await ctx.loaders.translationsByGroup.load(explainer.translationGroup)).filter((x) => x.id !== explainer.id);
  }
}

/** Every edition of the explainer with this slug, marked as read: publishing any of them changes the choice. */
export async function readEditions(ctx: Context, slug: string): Promise<store.Explainer[]> {
  const editions = await findEditions(ctx.db, slug, ctx.visibility);
  ctx.tags.add(tags.explainerSlug(slug));
  for (const edition of editions) ctx.tags.add(tags.explainer(edition.id)).add(tags.translations(edition.translationGroup));
  return editions;
}

export function explainerUrl(ctx: Context, explainer: store.Explainer): string {
  return explainerPageUrl(ctx.config, explainer.slug, explainer.locale);
}
