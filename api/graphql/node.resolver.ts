import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from './context';
import { Node, fromGlobalId, typed } from './node';
import { checkText } from './validate';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when it does not exist or is not visible.' })
  async node(
    @Arg('id', () => ID) id: string,
    @Arg('preview', { defaultValue: false, description: 'With an editor key: include drafts.' }) _preview: boolean,
    @Ctx() ctx: Context,
  ) {
    const { type, id: localId } = fromGlobalId(checkText('id', id));
    const loaders = ctx.loaders;
    let value: object | undefined;
    switch (type) {
      case 'Explainer':
        value = await loaders.explainer.load(localId);
        break;
      case 'Entity':
        value = await loaders.entity.load(localId);
        break;
      case 'Source':
        value = await loaders.source.load(localId);
        break;
      case 'Quote': {
        const quote = await loaders.quote.load(localId);
        value = quote && (await loaders.explainer.load(quote.explainerId)) ? quote : undefined;
        break;
      }
      case 'Section': {
        const section = await loaders.section.load(localId);
        value = section && (await loaders.explainer.load(section.explainerId)) ? section : undefined;
        break;
      }
    }
    return value && typed(type, value);
  }
}
