/**
 * GET /live/v1/events: a Server-Sent Events stream of the releases of the explainers and entities it
 * names, resumable by Last-Event-ID, bounded per process and per address, and ended at shutdown.
 */
import { releaseEventsAfter } from '../../api/store/release-events.store';
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { keysFor, ok } from '../setup/editorial';
import { type SseStream, openStream } from '../setup/sse';

const SLUG = 'what-is-isis-k';
const isRelease = (type: string) => (e: { event: string; data: string }) => e.event === 'release' && JSON.parse(e.data).type === type;

describe.each(databases)('live event stream (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;
  const open: SseStream[] = [];
  const stream = async (query: string, headers: Record<string, string> = {}, base = t.url) => {
    const s = await openStream(`${base}/live/v1/events?${query}`, headers);
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startApp(database, { liveHeartbeatMs: 300, liveRetryMs: 2_000 });
    keys = await keysFor(t);
  }, 60_000);
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => t?.close());

  const correct = async (text: string) => {
    const x = (await ok(t, `{ explainer(slug: "${SLUG}", preview: true) { id version } }`, {}, keys.editor)).explainer;
    await ok(t, 'mutation($x: ID!, $v: Int!, $text: String!) { addCorrection(explainer: $x, expectedVersion: $v, text: $text) { text } }', { x: x.id, v: x.version, text }, keys.publisher);
  };
  const lastEvent = async () => (await releaseEventsAfter(t.app.db, 0, 10_000)).at(-1)!;

  it('answers text/event-stream that no cache keeps and no proxy buffers, to any origin, without cookies', async () => {
    const s = await stream(`explainer=${SLUG}`);
    expect(s.status).toBe(200);
    expect(s.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(s.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(s.headers.get('x-accel-buffering')).toBe('no');
    expect(s.headers.get('access-control-allow-origin')).toBe('*');
    expect(s.headers.get('access-control-allow-credentials')).toBeNull();
    expect(s.headers.get('set-cookie')).toBeNull();
    // The first block tells the EventSource how long to wait before reconnecting: 1 to 2 times liveRetryMs.
    const first = await s.next(() => true);
    expect(first.retry).toBeGreaterThanOrEqual(2_000);
    expect(first.retry).toBeLessThanOrEqual(4_000);
  });

  it('answers a preflight for Last-Event-ID from any origin', async () => {
    const response = await fetch(`${t.url}/live/v1/events`, { method: 'OPTIONS', headers: { origin: 'https://news.example', 'access-control-request-headers': 'last-event-id' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('last-event-id');
  });

  it('sends a correction of a followed explainer as a release event with its id, type, slug, locale and release', async () => {
    const followed = await stream(`explainer=${SLUG}&explainer=another-one`);
    const other = await stream('explainer=another-one&entity=kabul');
    await followed.next(() => true);
    await correct('The stream carries this correction.');
    const event = await followed.next(isRelease('explainer.corrected'));
    const stored = await lastEvent();
    expect(event.id).toBe(String(stored.id));
    expect(JSON.parse(event.data)).toEqual({ type: 'explainer.corrected', slug: SLUG, locale: 'en', release: stored.release });
    expect(stored.release).toBeGreaterThan(1);
    // The stream that follows other slugs hears of its own entity's release, and never heard of the correction.
    const kabul = (await ok(t, '{ entity(slug: "kabul", preview: true) { id } }', {}, keys.editor)).entity;
    await ok(t, 'mutation($id: ID!) { publishEntity(id: $id) { id } }', { id: kabul.id }, keys.publisher);
    const own = await other.next((e) => e.event === 'release');
    expect(JSON.parse(own.data)).toMatchObject({ type: 'entity.published', slug: 'kabul', locale: null });
    expect(other.received.filter((e) => e.event === 'release')).toHaveLength(1);
  });

  it('resumes after Last-Event-ID with what the stream missed, and only that', async () => {
    const before = await lastEvent();
    await correct('Missed while disconnected.');
    await correct('Also missed.');
    const s = await stream(`explainer=${SLUG}`, { 'last-event-id': String(before.id) });
    const first = await s.next(isRelease('explainer.corrected'));
    expect(Number(first.id)).toBe(before.id + 1);
    const second = await s.next((e) => e.event === 'release' && Number(e.id) === before.id + 2);
    expect(JSON.parse(second.data).type).toBe('explainer.corrected');
    // Then what happens next, once.
    await correct('Published after the resume.');
    await s.next((e) => e.event === 'release' && Number(e.id) === before.id + 3);
    const ids = s.received.filter((e) => e.event === 'release').map((e) => Number(e.id));
    expect(ids).toEqual([before.id + 1, before.id + 2, before.id + 3]);
  });

  it('resumes from a lastEventId parameter too (a new EventSource cannot set the header)', async () => {
    const before = await lastEvent();
    await correct('Missed before a new EventSource.');
    const s = await stream(`explainer=${SLUG}&lastEventId=${before.id}`);
    expect(Number((await s.next(isRelease('explainer.corrected'))).id)).toBe(before.id + 1);
  });

  it('tells a reader behind the retention window to refetch everything (event reset), then carries on', async () => {
    await correct('Kept until pruned.');
    const last = await lastEvent();
    await t.app.db.deleteFrom('release_events').where('id', '<=', last.id).execute();
    const s = await stream(`explainer=${SLUG}`, { 'last-event-id': String(last.id - 1) });
    const reset = await s.next((e) => e.event === 'reset');
    expect(reset.id).toBe(String(last.id));
    await correct('After the reset.');
    expect(Number((await s.next(isRelease('explainer.corrected'))).id)).toBeGreaterThan(last.id);
  });

  it('tells a reader with an id this store never gave to refetch everything', async () => {
    const s = await stream(`explainer=${SLUG}`, { 'last-event-id': '999999999' });
    await s.next((e) => e.event === 'reset');
  });

  it('sends a heartbeat comment with a retry hint while nothing happens', async () => {
    const s = await stream(`explainer=${SLUG}`);
    const beat = await s.next((e) => e.event === 'comment' && e.comment === 'heartbeat');
    expect(beat.retry).toBe(2_000);
  });

  it.each([
    ['no slug', '', /at least one/],
    ['51 slugs', Array.from({ length: 51 }, (_, i) => `explainer=e${i}`).join('&'), /at most 50/],
    ['a slug that is not one', 'explainer=Not%20A%20Slug', /is not a slug/],
  ])('refuses %s with 400 BAD_REQUEST', async (_name, query, message) => {
    const response = await fetch(`${t.url}/live/v1/events?${query}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(message);
  });

  it('refuses a Last-Event-ID it never sent with 400 BAD_REQUEST', async () => {
    const response = await fetch(`${t.url}/live/v1/events?explainer=${SLUG}`, { headers: { 'last-event-id': 'abc' } });
    expect(response.status).toBe(400);
  });
});

describe.each(databases)('live stream limits (%s)', (database) => {
  const url = (t: TestApp) => `${t.url}/live/v1/events?explainer=${SLUG}`;

  it.each([
    ['LIVE_MAX_CONNECTIONS_PER_IP', { liveMaxConnections: 100, liveMaxConnectionsPerIp: 2 }, /this address/],
    ['LIVE_MAX_CONNECTIONS', { liveMaxConnections: 2, liveMaxConnectionsPerIp: 100 }, /this process/],
  ])('answers 503 with Retry-After beyond %s, and takes a stream again once one ends', async (_name, limits, message) => {
    const t = await startApp(database, limits);
    const open: SseStream[] = [];
    try {
      open.push(await openStream(url(t)), await openStream(url(t)));
      const refused = await fetch(url(t));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect((await refused.json()).errors[0]).toMatchObject({ extensions: { code: 'UNAVAILABLE' }, message: expect.stringMatching(message) });

      open.shift()!.close();
      let again = await openStream(url(t));
      for (let i = 0; i < 50 && again.status !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        again = await openStream(url(t));
      }
      open.push(again);
      expect(again.status).toBe(200);
    } finally {
      for (const s of open) s.close();
      await t.close();
    }
  }, 30_000);

  it('ends every stream at shutdown instead of waiting out the grace period', async () => {
    const t = await startApp(database, { shutdownGraceMs: 120_000 });
    const s = await openStream(`${t.url}/live/v1/events?explainer=${SLUG}`);
    await s.next(() => true);
    await t.close();
    await s.ended;
  }, 20_000);
});
