import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver, createUnionType } from 'type-graphql';
import { UserInputError } from '../errors';
import { search } from '../store/search.store';
import { decodeCursor, encodeCursor } from '../store/page';
import { PageInfo } from './connection.type';
import type { Context } from './context';
import { Entity } from './entity.type';
import { Explainer } from './explainer.type';
import { typed } from './node';
import { filterLocale } from '../locale/editions';
import { tags } from '../store/tags';
import { checkFirst, checkSearchWords, pageSize, readerLocales } from './validate';

const SearchResult = createUnionType({
  name: 'SearchResult',
  types: () => [Explainer, Entity] as const,
  resolveType: (value) => (value as { __typename?: string }).__typename,
});

@ObjectType()
class SearchEdge {
  @Field()
  cursor!: string;

  @Field(() => Float, { description: 'Relevance; higher is better. Comparable within one search only.' })
  score!: number;

  @Field(() => SearchResult)
  node!: unknown;
}

@ObjectType()
class SearchConnection {
  @Field(() => [SearchEdge])
  edges!: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, { description: 'Full-text search over published explainers and entities, best match first.' })
  async search(
    @Arg('query') query: string,
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('locale', () => String, { nullable: true, description: 'Only hits in this locale, or the one it falls back to (en-US: en).' })
    locale: string | null,
    @Arg('preview', { defaultValue: false, description: 'With an editor key: include drafts.' }) _preview: boolean,
    @Ctx() ctx: Context,
  ): Promise<SearchConnection> {
    checkFirst('first', first);
    ctx.tags.add(tags.lists);
    const terms = checkSearchWords('query', query);
    const offset = after == null ? 0 : Number(decodeCursor(after)![0]);
    if (!Number.isInteger(offset) || offset < 0) throw new UserInputError('after', 'not a cursor this API issued');
    const { hits, hasNextPage } = await search(
      ctx.db,
      terms,
      { first, offset, locale: filterLocale(readerLocales('locale', locale), ctx.config.locales) },
      ctx.visibility,
    );
    const nodes = await Promise.all(
      hits.map((h) => (h.type === 'explainer' ? ctx.loaders.explainer.load(h.id) : ctx.loaders.entity.load(h.id))),
    );
    const edges = hits.flatMap((h, i) => {
      const node = nodes[i];
      if (!node) return [];
      return [{ cursor: encodeCursor([offset + i + 1]), score: h.score, node: typed(h.type === 'explainer' ? 'Explainer' : 'Entity', node) }];
    });
    return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
