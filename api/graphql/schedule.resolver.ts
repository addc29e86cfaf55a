import { Arg, Ctx, GraphQLISODateTime, ID, Int, Mutation, Resolver } from 'type-graphql';
import { findExplainer } from '../store/explainer.store';
import { cancelScheduledPublish, schedulePublish } from '../store/schedule.store';
import type { Context } from './context';
import { Explainer } from './explainer.type';
import { idOf } from './node';
import { write } from './write';

@Resolver()
export class ScheduleResolver {
  @Mutation(() => Explainer, {
    description:
      'Publishes the explainer at `at` (or at once, if that has passed): once, on one replica, also after a restart that missed the moment. ' +
      'Replaces an earlier schedule. Publisher.',
  })
  schedulePublish(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('at', () => GraphQLISODateTime) at: Date,
    @Ctx() ctx: Context,
  ) {
    return write(ctx, 'publisher', async (db, actor) => {
      const explainerId = idOf('Explainer', id, 'id');
      await schedulePublish(db, explainerId, expectedVersion, at.toISOString(), actor);
      return findExplainer(db, { id: explainerId }, 'preview');
    });
  }

  @Mutation(() => Explainer, { description: 'Drops the explainer\'s scheduled publish, if any. Publisher.' })
  cancelScheduledPublish(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return write(ctx, 'publisher', async (db) => {
      const explainerId = idOf('Explainer', id, 'id');
      await cancelScheduledPublish(db, explainerId);
      return findExplainer(db, { id: explainerId }, 'preview');
    });
  }
}
