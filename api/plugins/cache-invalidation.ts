import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';

export interface Invalidatable {
  invalidate(): void;
}

/**
 * Every mutation that ran may have changed content (a publish, an unpublish, a correction, an
 * entity edit), so what is derived from content (cached public responses, annotators) starts
 * again after it. Coarse on purpose: writes are rare next to reads, and a stale box is worse
 * than a miss.
 */
export function cacheInvalidationPlugin(caches: Invalidatable[]): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation }) {
          if (operation.operation !== 'mutation') return;
          return {
            async executionDidEnd() {
              for (const cache of caches) cache.invalidate();
            },
          };
        },
      };
    },
  };
}
