import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLField, type GraphQLSchema, getNullableType, isListType } from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { ApiErrorCode, RequestError } from '../errors';
import type { Context } from '../graphql/context';
import { listSizes } from '../graphql/list-sizes';
import { pageSize } from '../graphql/validate';

export interface CostBudgets {
  anonymous: number;
  keyed: number;
}

/** How many items a field may answer with: its `first`, its declared size, or 1 for a single value. */
export function multiplierOf(parent: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (field.args.some((a) => a.name === 'first')) {
    // As asked, even past the maximum: `first: 1000000` is refused here, before its resolver would be.
    return typeof args.first === 'number' ? Math.max(args.first, 1) : pageSize.default;
  }
  if (!isListType(getNullableType(field.type))) return 1;
  return listSizes[`${parent}.${field.name}`] ?? pageSize.max;
}

/** Every field costs 1, and what is selected under a list costs once per item the list may hold. */
const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => 1 + multiplierOf(type.name, field, args) * childComplexity;

export function costOf(schema: GraphQLSchema, document: Parameters<typeof getComplexity>[0]['query'], operationName: string | undefined, variables: Record<string, unknown>): number {
  return getComplexity({ schema, query: document, operationName, variables, estimators: [estimator] });
}

/**
 * Refuses, before execution, an operation whose cost, computed from the sizes its lists may
 * reach, is over the budget: lower without a key than with one. graphql-query-complexity walks
 * the operation with its variables (so `first: $n` counts), fragments and aliases included.
 */
export function costPlugin(budgets: CostBudgets): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ schema }) {
      return {
        async didResolveOperation({ document, operationName, request, contextValue }) {
          let cost: number;
          try {
            cost = costOf(schema, document, operationName ?? undefined, request.variables ?? {});
          } catch {
            // Variables that do not fit the operation: execution refuses them before any resolver runs.
            return;
          }
          const limit = contextValue.key ? budgets.keyed : budgets.anonymous;
          if (cost > limit) {
            throw new RequestError(ApiErrorCode.COST_LIMIT_EXCEEDED, `the operation costs ${cost}, over the limit of ${limit}${contextValue.key ? '' : ' without an API key'}: ask for fewer items (first) or fewer nested lists`, { cost, limit });
          }
        },
      };
    },
  };
}
