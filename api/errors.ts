import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { StoreInputError } from './store/errors';
/** Stable codes clients can branch on; they appear as `extensions.code`. */
export enum ApiErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Bad input: names the argument, or the path of the input field, that is wrong. */
export class UserInputError extends GraphQLError {
  constructor(at: string | Array<string | number>, message: string) {
    const path = typeof at === 'string' ? at.split('.') : at;
    super(`${path.join('.')}: ${message}`, {
      extensions: { code: ApiErrorCode.BAD_USER_INPUT, argument: String(path[0]), ...(path.length > 1 ? { field: path } : {}) },
    });
  }
}


/**
 * Turns anything a resolver threw into an error a client may see: our own GraphQLErrors and
 * GraphQL's validation errors pass; store input errors become BAD_USER_INPUT or CONFLICT with
 * the offending field; everything else is logged and answered as INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(logger: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof StoreInputError) {
      const code = { conflict: ApiErrorCode.CONFLICT, not_found: ApiErrorCode.NOT_FOUND, invalid: ApiErrorCode.BAD_USER_INPUT }[original.kind];
      const argument = String(original.field[0]);
      const extensions = { code, argument, ...(original.field.length > 1 ? { field: original.field } : {}), ...original.details };
      return { ...formatted, message: `${original.field.join('.')}: ${original.message}`, extensions };
    }
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError || (code && code !== ApiErrorCode.INTERNAL_SERVER_ERROR)) return formatted;
    logger.error({ err: original, path: formatted.path }, 'resolver failed');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: development ? { ...formatted.extensions, code: ApiErrorCode.INTERNAL_SERVER_ERROR } : { code: ApiErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
