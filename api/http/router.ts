import type { IncomingMessage, ServerResponse } from 'node:http';
import findMyWay from 'find-my-way';
import type { Logger } from 'pino';
import type { Route } from './route';
import { sendJson } from './route';

/**
 * find-my-way routes each request to one handler; a handler that throws gets a 500 with no
 * detail, and every request is logged once with its status and duration. `answerFirst` may answer
 * a request before it is routed (a cached response), and says whether it did.
 */
export function createRouter(routes: Route[], logger: Logger, answerFirst?: (req: IncomingMessage, res: ServerResponse) => boolean) {
  const router = findMyWay({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 500 });
  for (const route of routes) {
    const handler: findMyWay.Handler<findMyWay.HTTPVersion.V1> = (req, res, params) =>
      route.handler(req as IncomingMessage, res as ServerResponse, params, new URL(req.url ?? '/', 'http://localhost'));
    router.on(route.method, route.path, handler);
    if (route.method === 'GET') router.on('HEAD', route.path, handler);
  }

  const failed = (req: IncomingMessage, res: ServerResponse, error: unknown): void => {
    logger.error({ err: error, method: req.method, url: req.url }, 'request failed');
    if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
    else res.destroy();
  };

  /** Answers the request; a promise while it is being answered, undefined once it has been (a cached response). */
  return function handle(req: IncomingMessage, res: ServerResponse): Promise<void> | undefined {
    // Asked per request, so that a level changed at run time applies; a level that logs nothing costs nothing.
    if (logger.isLevelEnabled('debug')) logger.debug({ method: req.method, url: req.url }, 'request received');
    if (logger.isLevelEnabled('info')) {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logger.info({ method: req.method, url: req.url, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
      });
    }
    try {
      if (answerFirst?.(req, res)) return undefined;
    } catch (error) {
      failed(req, res, error);
      return undefined;
    }
    return route(req, res);
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const found = router.find(req.method as 'GET', req.url ?? '/');
      if (!found) {
        const allowed = (['GET', 'POST', 'OPTIONS'] as const).filter((m) => router.find(m, req.url ?? '/'));
        if (allowed.length > 0) sendJson(res, 405, { error: 'method not allowed' }, { allow: allowed.join(', ') });
        else sendJson(res, 404, { error: 'not found' });
        return;
      }
      await found.handler(req, res, found.params, found.store, found.searchParams);
    } catch (error) {
      failed(req, res, error);
    }
  }
}
