import { sql } from 'kysely';
import { type HttpContext, type Route, sendJson } from './route';

/** /healthz: the process answers. /readyz: and so does its database. */
export function healthRoutes(ctx: HttpContext): Route[] {
  return [
    { method: 'GET', path: '/healthz', handler: (_req, res) => sendJson(res, 200, { status: 'ok' }, { 'cache-control': 'no-store' }) },
    {
      method: 'GET',
      path: '/readyz',
      handler: async (_req, res) => {
        try {
          await sql`select 1`.execute(ctx.db);
          sendJson(res, 200, { status: 'ok', database: 'ok' }, { 'cache-control': 'no-store' });
        } catch (error) {
          ctx.logger.warn({ err: error }, 'readiness check: database does not answer');
          sendJson(res, 503, { status: 'unavailable', database: 'unreachable' }, { 'cache-control': 'no-store' });
        }
      },
    },
  ];
}
