/**
 * Live streams across replicas on one PostgreSQL: a release published through one process reaches the
 * streams held by another, and an id one replica sent resumes on another.
 */
import pino from 'pino';
import { type App, createApp } from '../../api';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';
import { describeOnPostgres } from '../setup/requirements';
import { type SseStream, openStream } from '../setup/sse';

const SLUG = 'what-is-isis-k';

describeOnPostgres('live streams across replicas (postgres)', () => {
  let a: TestApp;
  let b: App;
  let bUrl: string;
  const open: SseStream[] = [];

  beforeAll(async () => {
    a = await startApp('postgres');
    b = await createApp(
      // B's heartbeat (which also reads the event log) is far off: only the change feed can wake it in time.
      { nodeEnv: 'test', databaseUrl: a.app.config.databaseUrl, databaseSchema: a.app.config.databaseSchema, schedulerIntervalMs: 3_600_000, liveHeartbeatMs: 600_000 },
      { logger: pino({ level: 'silent' }) },
    );
    bUrl = await b.listen(0, '127.0.0.1');
  }, 60_000);
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const correct = async (text: string) => {
    const keys = await keysFor(a);
    const x = (await ok(a, `{ explainer(slug: "${SLUG}", preview: true) { id version } }`, {}, keys.editor)).explainer;
    await ok(a, 'mutation($x: ID!, $v: Int!, $text: String!) { addCorrection(explainer: $x, expectedVersion: $v, text: $text) { text } }', { x: x.id, v: x.version, text }, keys.publisher);
  };
  const stream = async (base: string, headers: Record<string, string> = {}) => {
    const s = await openStream(`${base}/live/v1/events?explainer=${SLUG}`, headers);
    open.push(s);
    await s.next(() => true);
    return s;
  };

  it('delivers a correction published through replica A to a stream on replica B within 1 s', async () => {
    const onB = await stream(bUrl);
    const onA = await stream(a.url);
    await correct('Published through A, heard on B.');
    const answered = Date.now();
    const heard = await onB.next((e) => e.event === 'release', 1_000);
    console.log(`[live] replica B's stream heard the correction ${Date.now() - answered} ms after A answered the publish`);
    expect(JSON.parse(heard.data)).toMatchObject({ type: 'explainer.corrected', slug: SLUG, locale: 'en' });
    // The same event, with the same id, on both replicas.
    expect((await onA.next((e) => e.event === 'release')).id).toBe(heard.id);
  });

  it('resumes on replica B from an id replica A sent', async () => {
    const onA = await stream(a.url);
    await correct('First, heard on A.');
    const first = await onA.next((e) => e.event === 'release');
    onA.close();
    await correct('Second, missed while moving to B.');
    const onB = await stream(bUrl, { 'last-event-id': first.id! });
    const missed = await onB.next((e) => e.event === 'release');
    expect(Number(missed.id)).toBe(Number(first.id) + 1);
    expect(onB.received.filter((e) => e.event === 'reset')).toEqual([]);
  });
});
