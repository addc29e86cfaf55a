import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type * as entityStore from '../store/entity.store';
import type { EntityRevision as EntityRevisionRecord } from '../store/entity-revision.store';
import type * as store from '../store/explainer.store';
import type { Revision as RevisionRecord } from '../store/revision.store';
import { requireRole } from './auth';
import type { Context } from './context';
import { Entity } from './entity.type';
import { Explainer } from './explainer.type';
import { ApiKey } from './key.type';
import { Revision } from './revision.type';
import { checkFirst, pageSize } from './validate';

@Resolver(() => Explainer)
export class ExplainerHistoryResolver {
  @FieldResolver(() => [Revision], { description: 'Newest first: the first `first` (1 to 100). Editor.' })
  async revisions(@Root() explainer: store.Explainer, @Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number): Promise<RevisionRecord[]> {
    requireRole(ctx, 'editor');
    checkFirst('first', first);
    return (await ctx.loaders.revisionsByExplainer.load(explainer.id)).slice(0, first);
  }
}

@Resolver(() => Entity)
export class EntityHistoryResolver {
  @FieldResolver(() => [Revision], { description: 'Newest first: each change, with its diff and the entity as it then was; the first `first` (1 to 100). Editor.' })
  async revisions(@Root() entity: entityStore.Entity, @Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number): Promise<EntityRevisionRecord[]> {
    requireRole(ctx, 'editor');
    checkFirst('first', first);
    return (await ctx.loaders.revisionsByEntity.load(entity.id)).slice(0, first);
  }
}

@Resolver(() => Revision)
export class RevisionResolver {
  @FieldResolver(() => ApiKey, { nullable: true, description: 'The key that made the change; null for the system (seeding).' })
  key(@Root() revision: RevisionRecord | EntityRevisionRecord, @Ctx() ctx: Context) {
    return revision.keyId ? ctx.loaders.key.load(revision.keyId) : null;
  }
}
