import type { ApolloServerPlugin } from '@apollo/server';
import { type FieldNode, Kind, type OperationDefinitionNode, type SelectionSetNode, type ValueNode, valueFromASTUntyped } from 'graphql';
import { ApiErrorCode, RequestError } from '../errors';
import type { Context } from '../graphql/context';

/**
 * Fields whose work grows with the size of an argument share a budget of bytes per request, so
 * that twenty aliases of one field on one variable cost twenty times its bytes, not once.
 */
export const inputBudgets = [
  { name: 'article text', bytes: 1024 * 1024, fields: { annotate: ['text'], importArticle: ['text', 'html'] } as Record<string, string[]> },
  { name: 'full-text search', bytes: 2 * 1024, fields: { search: ['query'], explainers: ['text'], entities: ['search'] } as Record<string, string[]> },
];

/** Each root field of the operation, fragments included, with its arguments' values. */
function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, SelectionSetNode>, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...rootFields(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) fields.push(...rootFields(fragment, fragments, seen));
    }
  }
  return fields;
}

function bytesOf(value: ValueNode, variables: Record<string, unknown>): number {
  const v = valueFromASTUntyped(value, variables);
  return typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : 0;
}

/** True when a value, or any string inside it, holds U+0000. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

/**
 * The first argument, at any depth of the operation, whose value holds U+0000: no text Backstory keeps
 * or looks up may (PostgreSQL's text cannot hold it), so it is refused the same way on every store.
 */
function nulArgument(selectionSet: SelectionSetNode, fragments: Map<string, SelectionSetNode>, variables: Record<string, unknown>, path: string[] = [], seen = new Set<string>()): { path: string[]; argument: string } | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const at = [...path, selection.alias?.value ?? selection.name.value];
      for (const argument of selection.arguments ?? []) {
        if (holdsNul(valueFromASTUntyped(argument.value, variables))) return { path: at, argument: argument.name.value };
      }
      const inner = selection.selectionSet && nulArgument(selection.selectionSet, fragments, variables, at, seen);
      if (inner) return inner;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = nulArgument(selection.selectionSet, fragments, variables, path, seen);
      if (inner) return inner;
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      const inner = fragment && nulArgument(fragment, fragments, variables, path, seen);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * Refuses, before execution, an operation whose expensive inputs add up to more than their budget,
 * or that gives any argument a NUL character.
 */
export function inputBudgetPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
          const variables = request.variables ?? {};
          const nul = nulArgument((operation as OperationDefinitionNode).selectionSet, fragments, variables);
          if (nul) {
            throw new RequestError(ApiErrorCode.BAD_USER_INPUT, `argument ${nul.argument} of ${nul.path.join('.')} holds a NUL character (U+0000), which no text may hold`, {
              argument: nul.argument,
              field: nul.path,
            });
          }
          for (const budget of inputBudgets) {
            let used = 0;
            for (const field of rootFields((operation as OperationDefinitionNode).selectionSet, fragments)) {
              const counted = budget.fields[field.name.value];
              if (!counted) continue;
              for (const argument of field.arguments ?? []) if (counted.includes(argument.name.value)) used += bytesOf(argument.value, variables);
            }
            if (used > budget.bytes) {
              throw new RequestError(ApiErrorCode.INPUT_BUDGET_EXCEEDED, `the ${budget.name} of this request adds up to ${used} bytes, over the limit of ${budget.bytes} per request (aliases count each time)`, { used, limit: budget.bytes });
            }
          }
        },
      };
    },
  };
}
