import { request } from 'node:http';
import { databases } from '../setup/databases';
import { openStream } from '../setup/sse';
import { type Child, childStore, startChild } from './child';

const query = '{ explainer(slug: "what-is-isis-k") { title sections { heading mentions { entity { name } } } } }';
const body = JSON.stringify({ query });

/** A POST whose body is held back: the server has it in hand until `finish` sends the rest. */
function heldRequest(url: string, path: string) {
  let finish!: () => void;
  const response = new Promise<{ status: number; text: string; connection: string | undefined }>((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text, connection: res.headers.connection }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.write(body.slice(0, 10));
    finish = () => req.end(body.slice(10));
  });
  return { response, finish: () => finish() };
}

/** Clients posting one request after another until the server goes away; what each request got. */
function load(url: string, clients: number) {
  const outcomes = { ok: 0, notOk: [] as number[], truncated: 0, refused: 0 };
  let stopped = false;
  const loops = Array.from({ length: clients }, async () => {
    while (!stopped) {
      let response: Response;
      try {
        response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      } catch {
        // Never reached the server's handler: the listener was closed.
        outcomes.refused++;
        if (outcomes.refused > 0) stopped = true;
        continue;
      }
      try {
        const json = (await response.json()) as { data?: { explainer?: { title?: string } } };
        if (response.status === 200 && json.data?.explainer?.title === 'What is ISIS-K?') outcomes.ok++;
        else outcomes.notOk.push(response.status);
      } catch {
        outcomes.truncated++;
      }
    }
  });
  return { outcomes, done: Promise.all(loops) };
}

describe.each(databases)('SIGTERM (%s)', (database) => {
  let child: Child | undefined;
  afterEach(() => child?.cleanup());

  it('answers every request it accepted with a complete 2xx under load, then exits 0 within the grace period', async () => {
    const store = childStore(database);
    const grace = 5_000;
    child = await startChild({ ...store.env, SHUTDOWN_GRACE_MS: String(grace), LOG_LEVEL: 'debug' }, { dropStore: store.drop });
    const c = child;
    const traffic = load(c.url, 4);
    await c.waitForLine((line) => line.msg === 'request' && line.status === 200);
    const held = Array.from({ length: 6 }, (_, i) => heldRequest(c.url, `/graphql?held=${i}`));
    for (let i = 0; i < held.length; i++) await c.waitForLine((line) => line.msg === 'request received' && line.url === `/graphql?held=${i}`);

    const signalled = Date.now();
    c.process.kill('SIGTERM');
    await c.waitForLine((line) => line.msg === 'shutting down: finishing in-flight requests');
    for (const h of held) h.finish();
    const answers = await Promise.all(held.map((h) => h.response));
    const exit = await c.exited;
    await traffic.done;

    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).data.explainer.title).toBe('What is ISIS-K?');
    }
    expect(traffic.outcomes.ok).toBeGreaterThan(0);
    expect(traffic.outcomes.notOk).toEqual([]);
    expect(traffic.outcomes.truncated).toBe(0);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalled).toBeLessThan(grace);
    expect(c.lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(c.lines.map((line) => line.msg)).toContainEqual(expect.stringMatching(/^stopped/));
  });

  it('exits 0 within 2 s when idle', async () => {
    const store = childStore(database);
    child = await startChild({ ...store.env }, { dropStore: store.drop });
    const signalled = Date.now();
    child.process.kill('SIGTERM');
    const exit = await child.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalled).toBeLessThan(2_000);
    expect(child.lines.map((line) => line.msg)).toContainEqual(expect.stringMatching(/^stopped/));
  });

  it('ends its live streams and exits 0 within 2 s, though their readers never hang up', async () => {
    const store = childStore(database);
    child = await startChild({ ...store.env, SHUTDOWN_GRACE_MS: '30000' }, { dropStore: store.drop });
    const streams = await Promise.all(Array.from({ length: 5 }, () => openStream(`${child!.url}/live/v1/events?explainer=what-is-isis-k`)));
    await Promise.all(streams.map((s) => s.next(() => true)));
    const signalled = Date.now();
    child.process.kill('SIGTERM');
    await Promise.all(streams.map((s) => s.ended));
    const exit = await child.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalled).toBeLessThan(2_000);
    expect(child.lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
