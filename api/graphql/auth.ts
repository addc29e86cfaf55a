import { GraphQLError } from 'graphql';
import { ApiErrorCode } from '../errors';
import type { ApiKey, Role } from '../store/key.store';
import { roleAllows } from '../store/key.store';
import type { Context } from './context';

/**
 * The key's role must reach `needed`. Checked before anything is looked up, so a weak key
 * learns nothing about whether the target exists.
 */
export function requireRole(ctx: Context, needed: Role): ApiKey {
  if (!ctx.key) {
    throw new GraphQLError('this needs an API key: send Authorization: Bearer <key>', {
      extensions: { code: ApiErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  if (!roleAllows(ctx.key.role, needed)) {
    throw new GraphQLError(`this needs the ${needed} role; the key is ${ctx.key.role}`, {
      extensions: { code: ApiErrorCode.FORBIDDEN, http: { status: 403 } },
    });
  }
  return ctx.key;
}
