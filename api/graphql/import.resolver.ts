import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { parseArticle } from '../content/import/article';
import { importExplainer } from '../content/import/explainer';
import { UserInputError } from '../errors';
import type { Annotation as AnnotationRecord } from '../text/annotate';
import { requireRole } from './auth';
import type { Context } from './context';
import { Entity } from './entity.type';
import { Annotation, ImportResult } from './import.type';
import { checkLocale } from './validate';
import { write } from './write';

const maxBytes = 1024 * 1024;

@Resolver()
export class ImportResolver {
  @Query(() => [Annotation], {
    description: 'Mentions of known entities in a text (up to 1 MB), longest match first, for suggesting boxes. Editor.',
  })
  async annotate(
    @Arg('text') text: string,
    @Arg('locale', { defaultValue: 'en', description: 'The text\'s locale, one of LOCALES.' }) locale: string,
    @Arg('preview', { defaultValue: false, description: 'Also find draft entities.' }) _preview: boolean,
    @Ctx() ctx: Context,
  ): Promise<AnnotationRecord[]> {
    requireRole(ctx, 'editor');
    checkLocale('locale', locale, ctx.config);
    if (Buffer.byteLength(text, 'utf8') > maxBytes) throw new UserInputError('text', 'at most 1 MB');
    return (await ctx.annotators.get(ctx.visibility)).annotate(text);
  }

  @Mutation(() => ImportResult, { description: 'A draft explainer from a published article, as text or HTML (up to 1 MB). Editor.' })
  async importArticle(
    @Arg('text', () => String, { nullable: true }) text: string | null,
    @Arg('html', () => String, { nullable: true }) html: string | null,
    @Arg('url', () => String, { nullable: true, description: 'Where the article was published.' }) url: string | null,
    @Arg('locale', { defaultValue: 'en' }) locale: string,
    @Ctx() ctx: Context,
  ) {
    requireRole(ctx, 'editor');
    const canonical = checkLocale('locale', locale, ctx.config);
    if (url != null && !/^https?:\/\/\S{1,2000}$/.test(url)) throw new UserInputError('url', 'an http(s) URL');
    const article = parseArticle({ text: text ?? undefined, html: html ?? undefined });
    if (article.sections.length === 0) throw new UserInputError(text != null ? 'text' : 'html', 'no paragraphs found in the article');
    // Built before the transaction: on SQLite the transaction holds the only connection.
    const annotator = await ctx.annotators.get('preview');
    return write(ctx, 'editor', (db, actor) => importExplainer(db, article, annotator, { locale: canonical, url, actor }));
  }
}

@Resolver(() => Annotation)
export class AnnotationResolver {
  @FieldResolver(() => Entity)
  entity(@Root() annotation: AnnotationRecord, @Ctx() ctx: Context) {
    return ctx.loaders.entity.load(annotation.entityId);
  }
}
