import type { ApolloServerPlugin } from '@apollo/server';
import { type Context, readPublicly } from '../graphql/context';

/**
 * Gives a public query its reads under the request's time limit, ends that hold on the store once its response is ready, and answers a request whose
 * execution was stopped (past its deadline, or its response too large) with that one error and
 * its status, not with the partial data and the error repeated for every field left.
 */
export function executionLimitsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue, operation }) {
          if (!contextValue.key && operation.operation === 'query') await readPublicly(contextValue);
        },
        async willSendResponse({ contextValue, response }) {
          await contextValue.release();
          const stopped = contextValue.limits.stopped;
          if (!stopped || response.body.kind !== 'single') return;
          const http = stopped.extensions.http as { status: number; headers: Map<string, string> };
          const { http: _http, ...extensions } = stopped.extensions;
          response.body.singleResult = { errors: [{ message: stopped.message, extensions }] };
          response.http.status = http.status;
          for (const [name, value] of http.headers) response.http.headers.set(name, value);
        },
      };
    },
  };
}
