import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';

/** What readers see changed: these tags (store/tags.ts) name it. */
export type OnPublished = (tags: readonly string[]) => void | Promise<void>;

/**
 * After a mutation: what it changed for readers (the tags its writes named: a publish, an unpublish,
 * a correction) is dropped from every cache of public responses, here and at the CDN; an edit of a
 * working copy changes nothing a reader sees. Annotators, which editors use on working copies too,
 * start again after any mutation.
 */
export function cacheInvalidationPlugin(annotators: { invalidate(): void }, onPublished: OnPublished): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue }) {
          if (operation.operation !== 'mutation') return;
          return {
            async executionDidEnd() {
              annotators.invalidate();
              // Awaited: the publisher's answer comes once the published boxes are warm again.
              if (contextValue.published.size > 0) await onPublished([...contextValue.published]);
            },
          };
        },
      };
    },
  };
}
