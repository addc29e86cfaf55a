import type { HeaderMap } from '@apollo/server';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import { ApiErrorCode, RequestError } from '../errors';
import type { RateLimits } from '../plugins/rate-limit';
import type { Database } from '../store/database';
import type { ApiKey, Role } from '../store/key.store';
import { authenticate, roleAllows } from '../store/key.store';
import type { Annotators } from '../text/annotators';
import { type BeforeCommit, type Context, createContext } from './context';
import { ExecutionLimits } from './execution-limits';

/**
 * The context of each request: without an Authorization header, the public; with one, the key it
 * names, or 401. An address that keeps failing is told to wait (429) before its next key is checked.
 */
export function contextFactory(app: {
  db: Kysely<Database>;
  config: Config;
  annotators: Annotators;
  limits: RateLimits;
  beforeCommit: BeforeCommit;
}) {
  const { db, config, annotators, limits, beforeCommit } = app;
  return async (headers?: HeaderMap, ip = ''): Promise<Context> => {
    const authorization = headers?.get('authorization');
    const execution = new ExecutionLimits(config.requestTimeoutMs, config.maxResponseBytes);
    if (!authorization) return createContext(db, config, annotators, undefined, ip, execution, beforeCommit);
    await limits.checkAuthentication(ip);
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const key = bearer ? await authenticate(db, bearer) : undefined;
    if (!key) {
      await limits.failedAuthentication(ip);
      throw new RequestError(ApiErrorCode.UNAUTHENTICATED, 'the API key is not valid: it is malformed, unknown or revoked');
    }
    return createContext(db, config, annotators, key, ip, execution, beforeCommit);
  };
}

/**
 * The key's role must reach `needed`. Checked before anything is looked up, so a weak key
 * learns nothing about whether the target exists.
 */
export function requireRole(ctx: Context, needed: Role): ApiKey {
  if (!ctx.key) {
    throw new RequestError(ApiErrorCode.UNAUTHENTICATED, 'this needs an API key: send Authorization: Bearer <key>');
  }
  if (!roleAllows(ctx.key.role, needed)) {
    throw new RequestError(ApiErrorCode.FORBIDDEN, `this needs the ${needed} role; the key is ${ctx.key.role}`);
  }
  return ctx.key;
}
