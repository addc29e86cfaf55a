import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as store from '../store/explainer.store';
import type { Revision as RevisionRecord } from '../store/revision.store';
import { requireRole } from './auth';
import type { Context } from './context';
import { Explainer } from './explainer.type';
import { ApiKey } from './key.type';
import { Revision } from './revision.type';

@Resolver(() => Explainer)
export class ExplainerHistoryResolver {
  @FieldResolver(() => [Revision], { description: 'Newest first. Editor.' })
  revisions(@Root() explainer: store.Explainer, @Ctx() ctx: Context): Promise<RevisionRecord[]> {
    requireRole(ctx, 'editor');
    return ctx.loaders.revisionsByExplainer.load(explainer.id);
  }
}

@Resolver(() => Revision)
export class RevisionResolver {
  @FieldResolver(() => ApiKey, { nullable: true, description: 'The key that made the change; null for the system (seeding).' })
  key(@Root() revision: RevisionRecord, @Ctx() ctx: Context) {
    return revision.keyId ? ctx.loaders.key.load(revision.keyId) : null;
  }
}
