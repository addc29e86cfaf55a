import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiErrorCode, errorBody, httpStatus } from '../errors';
import type { LiveHub } from '../live/live-hub';
import { SLUG } from './html';
import { type Route, sendJson } from './route';

/** Slugs one stream may follow: a page has a handful of boxes, never hundreds. */
export const MAX_TOPICS = 50;
/** Seconds a refused reader is asked to wait. */
const RETRY_AFTER = '30';

// Any site may follow releases; nothing here reads or sets a cookie.
const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-headers': 'last-event-id',
  'access-control-max-age': '86400',
};

const streamHeaders = {
  ...cors,
  'content-type': 'text/event-stream; charset=utf-8',
  // Neither a browser nor a CDN may keep it, and no proxy may compress or hold back what it carries.
  'cache-control': 'no-store, no-transform',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
};

const refusals = {
  closing: 'this process is shutting down; reconnect',
  full: 'this process holds as many live streams as it may; retry later',
  ip: 'this address holds as many live streams as it may; retry later',
} as const;

const fail = (res: ServerResponse, code: ApiErrorCode, message: string, headers: Record<string, string> = {}) =>
  sendJson(res, httpStatus[code], errorBody(code, message), { ...cors, 'cache-control': 'no-store', ...headers });

/** The id to resume after: the EventSource's Last-Event-ID header, or `lastEventId` for a new EventSource. */
function resumeFrom(req: IncomingMessage, url: URL): number | undefined | 'bad' {
  const value = req.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? undefined;
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : 'bad';
}

/**
 * GET /live/v1/events?explainer=<slug>&entity=<slug>...: Server-Sent Events, one `release` event per
 * publish, unpublish, correction or schedule of what the stream follows (api/live/live-hub.ts).
 */
export function liveRoutes(hub: LiveHub): Route[] {
  const handle = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const explainers = url.searchParams.getAll('explainer');
    const entities = url.searchParams.getAll('entity');
    const count = explainers.length + entities.length;
    if (count === 0) return fail(res, ApiErrorCode.BAD_REQUEST, 'name at least one explainer or entity to follow');
    if (count > MAX_TOPICS) return fail(res, ApiErrorCode.BAD_REQUEST, `a stream follows at most ${MAX_TOPICS} explainers and entities`);
    const bad = [...explainers, ...entities].find((slug) => !SLUG.test(slug) || slug.length > 200);
    if (bad !== undefined) return fail(res, ApiErrorCode.BAD_REQUEST, `"${bad.slice(0, 40)}" is not a slug: lowercase letters, digits and single hyphens`);
    const after = resumeFrom(req, url);
    if (after === 'bad') return fail(res, ApiErrorCode.BAD_REQUEST, 'Last-Event-ID must be an event id this stream sent');
    if (req.method === 'HEAD') {
      res.writeHead(200, streamHeaders);
      res.end();
      return;
    }
    const refused = hub.open(res, req.socket.remoteAddress ?? '', { explainers, entities }, streamHeaders, after);
    if (refused) fail(res, ApiErrorCode.UNAVAILABLE, refusals[refused], { 'retry-after': RETRY_AFTER });
  };
  return [
    { method: 'GET', path: '/live/v1/events', handler: (req, res, _params, url) => handle(req, res, url) },
    {
      method: 'OPTIONS',
      path: '/live/v1/events',
      handler: (_req, res) => {
        res.writeHead(204, cors);
        res.end();
      },
    },
  ];
}
