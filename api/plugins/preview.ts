import type { ApolloServerPlugin } from '@apollo/server';
import { type ArgumentNode, Kind, type ValueNode } from 'graphql';
import { requireRole } from '../graphql/auth';
import { type Context, enablePreview } from '../graphql/context';

/**
 * Drafts are seen only with a key, and only on purpose: by a root field's `preview: true`, or by
 * a mutation (which returns what it wrote). Decided once, after parsing and before execution,
 * so that every field of the request reads at the same visibility.
 */
export function previewPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, request }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          const asksPreview = operation.selectionSet.selections.some(
            (s) => s.kind === Kind.FIELD && s.arguments?.some((a: ArgumentNode) => a.name.value === 'preview' && isTrue(a.value, variables)),
          );
          if (asksPreview) requireRole(contextValue, 'editor');
          if (asksPreview || (operation.operation === 'mutation' && contextValue.key)) enablePreview(contextValue);
        },
      };
    },
  };
}

function isTrue(value: ValueNode, variables: Record<string, unknown>): boolean {
  if (value.kind === Kind.BOOLEAN) return value.value;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value] === true;
  return false;
}
