import type { ApolloServerPlugin } from '@apollo/server';
import type { Kysely } from 'kysely';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config';
import { ApiErrorCode, RequestError } from '../errors';
import type { Context } from '../graphql/context';
import type { Database } from '../store/database';
import { capabilitiesOf } from '../store/dialect';

export class RateLimitedError extends RequestError {
  constructor(what: string, retryAfterSeconds: number) {
    super(ApiErrorCode.RATE_LIMITED, `too many ${what}: try again in ${retryAfterSeconds} s`, { retryAfter: retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });
  }
}

/**
 * Counters per key (or IP) for mutations, per IP for failed authentication and for texts sent for mentions. On PostgreSQL they live
 * in the rate_limits table, so that replicas count together, with an in-memory counter standing in
 * while the database does not answer; on SQLite, one process, in memory.
 */
export function createRateLimits(config: Config, db: Kysely<Database>) {
  const pool = capabilitiesOf(db).counterPool;
  const counter = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: 60 });
    if (!pool) return memory;
    return new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, keyPrefix, points, duration: 60, insuranceLimiter: memory });
  };
  const mutations = counter('mutations', config.mutationsPerMinute);
  const failedAuth = counter('failed-auth', config.failedAuthPerMinute);
  const mentions = counter('mentions', config.mentionsPerMinute);
  const take = async (limiter: RateLimiterAbstract, key: string, what: string) => {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new RateLimitedError(what, Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      throw rejection;
    }
  };
  return {
    mutation: (who: string) => take(mutations, who, 'mutations'),
    failedAuthentication: (ip: string) => take(failedAuth, ip, 'failed authentications'),
    mentions: (ip: string) => take(mentions, ip, 'texts sent for mentions'),
    /** An IP that has failed too often is refused before its next key is even checked. */
    async checkAuthentication(ip: string) {
      const state = await failedAuth.get(ip);
      if (state && state.consumedPoints >= config.failedAuthPerMinute) {
        throw new RateLimitedError('failed authentications', Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
      }
    },
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;

/** Counts each mutation operation against its key, or its IP when it has none. */
export function mutationRateLimitPlugin(limits: RateLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          await limits.mutation(contextValue.key ? `key:${contextValue.key.id}` : `ip:${contextValue.ip}`);
        },
      };
    },
  };
}
