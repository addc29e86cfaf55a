import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type * as store from '../store/explainer.store';
import type { Context } from './context';
import { Entity } from './entity.type';
import { Explainer } from './explainer.type';
import { loadPresent } from './loaders';
import { toGlobalId } from './node';
import { Quote } from './quote.type';
import { Source } from './source.type';

@Resolver(() => Quote)
export class QuoteResolver {
  @FieldResolver(() => ID)
  id(@Root() quote: store.Quote): string {
    return toGlobalId('Quote', quote.id);
  }

  @FieldResolver(() => [Entity], { description: 'Who said it, in the order the text names them.' })
  async speakers(@Root() quote: store.Quote, @Ctx() ctx: Context) {
    const speakers = await ctx.loaders.speakersByQuote.load(quote.id);
    return loadPresent(ctx.loaders.entity, speakers.map((s) => s.entityId));
  }

  @FieldResolver(() => Explainer, { nullable: true })
  explainer(@Root() quote: store.Quote, @Ctx() ctx: Context) {
    return ctx.loaders.explainer.load(quote.explainerId);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'The source the quote came through.' })
  source(@Root() quote: store.Quote, @Ctx() ctx: Context) {
    return quote.sourceId ? ctx.loaders.source.load(quote.sourceId) : undefined;
  }
}
