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
  BAD_REQUEST = 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED',
  INPUT_BUDGET_EXCEEDED = 'INPUT_BUDGET_EXCEEDED',
  RATE_LIMITED = 'RATE_LIMITED',
  TIMEOUT = 'TIMEOUT',
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * The HTTP status each code answers with when it ends a request (Apollo's own codes, such as
 * GRAPHQL_VALIDATION_FAILED, keep Apollo's statuses). A code that only ever accompanies partial
 * data (BAD_USER_INPUT on one field, say) still answers 200 there, as GraphQL over HTTP asks.
 */
export const httpStatus: Record<ApiErrorCode, number> = {
  [ApiErrorCode.BAD_USER_INPUT]: 400,
  [ApiErrorCode.NOT_FOUND]: 404,
  [ApiErrorCode.UNAUTHENTICATED]: 401,
  [ApiErrorCode.FORBIDDEN]: 403,
  [ApiErrorCode.CONFLICT]: 409,
  [ApiErrorCode.BAD_REQUEST]: 400,
  [ApiErrorCode.PERSISTED_QUERY_NOT_FOUND]: 400,
  [ApiErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ApiErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ApiErrorCode.RESPONSE_TOO_LARGE]: 413,
  [ApiErrorCode.COST_LIMIT_EXCEEDED]: 400,
  [ApiErrorCode.INPUT_BUDGET_EXCEEDED]: 413,
  [ApiErrorCode.RATE_LIMITED]: 429,
  [ApiErrorCode.TIMEOUT]: 503,
  [ApiErrorCode.UNAVAILABLE]: 503,
  [ApiErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/**
 * An error that ends the whole request: Apollo answers it with the code's HTTP status (and any
 * headers given), before or instead of execution.
 */
export class RequestError extends GraphQLError {
  constructor(code: ApiErrorCode, message: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    super(message, { extensions: { code, ...extensions, http: { status: httpStatus[code], headers: new Map(Object.entries(headers)) } } });
  }
}

/** The body of an error answered by our HTTP layer before Apollo is reached: the same shape Apollo gives. */
export function errorBody(code: ApiErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
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
