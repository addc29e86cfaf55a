import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type * as entityStore from '../store/entity.store';
import type * as store from '../store/explainer.store';
import { type EntityRelease, type Release as ReleaseRecord, changesSinceRelease, hasUnpublishedChanges } from '../store/release.store';
import { findScheduledPublish } from '../store/schedule.store';
import { requireRole } from './auth';
import type { Context } from './context';
import { Entity } from './entity.type';
import { Explainer } from './explainer.type';
import { ApiKey } from './key.type';
import { Release, ScheduledPublish } from './release.type';
import { Change } from './revision.type';
import { checkFirst, pageSize } from './validate';

type ReleaseValue = ReleaseRecord | EntityRelease;
const toValue = (r: ReleaseValue) => ({ ...r, publishedAt: r.createdAt });

@Resolver(() => Explainer)
export class ExplainerReleaseResolver {
  @FieldResolver(() => [Release], { description: 'The releases, newest first: the record of what readers saw and when; the first `first` (1 to 100).' })
  async releases(@Root() explainer: store.Explainer, @Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number) {
    checkFirst('first', first);
    return (await ctx.loaders.releasesByExplainer.load(explainer.id)).slice(0, first).map(toValue);
  }

  @FieldResolver(() => Release, { nullable: true, description: 'One release by number.' })
  async release(@Root() explainer: store.Explainer, @Arg('number', () => Int) number: number, @Ctx() ctx: Context) {
    const found = (await ctx.loaders.releasesByExplainer.load(explainer.id)).find((r) => r.number === number);
    return found && toValue(found);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the working copy differs from what readers see (true before the first publish). Editor.' })
  hasUnpublishedChanges(@Root() explainer: store.Explainer, @Ctx() ctx: Context): Promise<boolean> {
    requireRole(ctx, 'editor');
    return hasUnpublishedChanges(ctx.db, 'explainers', explainer.id);
  }

  @FieldResolver(() => [Change], { description: 'What the working copy changes against the latest release. Editor.' })
  unpublishedChanges(@Root() explainer: store.Explainer, @Ctx() ctx: Context) {
    requireRole(ctx, 'editor');
    return changesSinceRelease(ctx.db, explainer.id);
  }

  @FieldResolver(() => ScheduledPublish, { nullable: true, description: 'A publish set for later, if any. Editor.' })
  scheduledPublish(@Root() explainer: store.Explainer, @Ctx() ctx: Context) {
    requireRole(ctx, 'editor');
    return findScheduledPublish(ctx.db, explainer.id);
  }
}

@Resolver(() => Entity)
export class EntityReleaseResolver {
  @FieldResolver(() => [Release], { description: 'The releases of the entity, newest first: the first `first` (1 to 100).' })
  async releases(@Root() entity: entityStore.Entity, @Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number) {
    checkFirst('first', first);
    return (await ctx.loaders.releasesByEntity.load(entity.id)).slice(0, first).map(toValue);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the working copy differs from what readers see. Editor.' })
  hasUnpublishedChanges(@Root() entity: entityStore.Entity, @Ctx() ctx: Context): Promise<boolean> {
    requireRole(ctx, 'editor');
    return hasUnpublishedChanges(ctx.db, 'entities', entity.id);
  }
}

@Resolver(() => Release)
export class ReleaseResolver {
  @FieldResolver(() => ApiKey, { nullable: true, description: 'The key that published it (null for the system). Editor; null to readers.' })
  key(@Root() release: ReleaseValue, @Ctx() ctx: Context) {
    return ctx.key && release.keyId ? ctx.loaders.key.load(release.keyId) : null;
  }
}
