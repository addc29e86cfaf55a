/**
 * Backstory behind a real Varnish Cache running examples/varnish/backstory.vcl: what readers fetch is
 * served from the cache without reaching Backstory, and a publish drops exactly the responses that
 * read what it changed, through PURGE_URLS and xkey. A hit is told by the VCL's X-Cache (from
 * obj.hits), and Backstory's own count of the requests it received, never by Age.
 */
import { type IncomingMessage, type Server, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { keysFor, ok } from '../setup/editorial';
import { persistedGet } from '../setup/persisted';
import { type Varnish, describeWithVarnish, exampleVcl, freePort, startVarnish } from '../setup/varnish';

const A = 'what-is-isis-k';
const B = 'what-is-b';

interface Purge {
  keys: string[];
  status: number;
  message: string;
}

/**
 * Sits at PURGE_URLS and hands each purge on to Varnish, so that a test can wait until Varnish has
 * answered one and see what it purged.
 */
async function purgeRelay(varnishUrl: string): Promise<{ url: string; done: Purge[]; next(): Promise<Purge>; close(): Promise<void> }> {
  const done: Purge[] = [];
  const waiting: Array<(purge: Purge) => void> = [];
  const server: Server = createServer(async (req, res) => {
    const keys = String(req.headers['xkey-purge'] ?? '');
    const answer = await fetch(varnishUrl, { method: req.method, headers: { 'xkey-purge': keys } });
    const purge = { keys: keys.split(' '), status: answer.status, message: answer.statusText };
    await answer.arrayBuffer();
    res.writeHead(answer.status).end();
    done.push(purge);
    waiting.splice(0).forEach((resolve) => resolve(purge));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    done,
    next: () => new Promise((resolve) => waiting.push(resolve)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describeWithVarnish('Backstory behind Varnish', () => {
  describe.each(databases)('%s', (database) => {
    let t: TestApp;
    let varnish: Varnish;
    let relay: Awaited<ReturnType<typeof purgeRelay>>;
    let keys: Awaited<ReturnType<typeof keysFor>>;
    let a: { id: string; version: number };
    let b: { id: string };
    /** Every request Backstory received, as Varnish (or the test) sent it. */
    const origin: IncomingMessage[] = [];
    const reached = (path: string) => origin.filter((req) => req.url === path).length;

    beforeAll(async () => {
      const varnishPort = await freePort();
      relay = await purgeRelay(`http://127.0.0.1:${varnishPort}/`);
      t = await startApp(database, { purgeUrls: [relay.url] });
      t.app.server.on('request', (req: IncomingMessage) => origin.push(req));
      varnish = await startVarnish(varnishPort, exampleVcl(Number(new URL(t.url).port)));
      keys = await keysFor(t);
      b = (await ok(t, `mutation { createExplainer(input: { slug: "${B}", title: "What is B?", headline: "B", summary: "B is a test." }) { id } }`, {}, keys.editor)).createExplainer;
      const published = relay.next();
      await ok(t, 'mutation($x: ID!) { publishExplainer(id: $x, expectedVersion: 1) { id } }', { x: b.id }, keys.publisher);
      await published;
      a = (await ok(t, `{ explainer(slug: "${A}", preview: true) { id version } }`, {}, keys.editor)).explainer;
    }, 60_000);
    afterAll(async () => {
      await varnish?.stop();
      await relay?.close();
      await t?.close();
    });

    const through = async (path: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${varnish.url}${path}`, { headers });
      return { status: response.status, cache: response.headers.get('x-cache'), headers: response.headers, text: await response.text() };
    };
    const box = (slug: string) => persistedGet({ explainer: slug });
    const oembed = (slug: string) => `/oembed?url=${encodeURIComponent(`${varnish.url}/explainers/${slug}`)}`;
    /** Fetched through Varnish until cached: a miss the first time, a hit from then on. */
    const warm = async (path: string) => {
      await through(path);
      expect((await through(path)).cache).toBe('HIT');
    };

    it('serves a hot box from the cache: a HIT, and Backstory sees no request', async () => {
      const first = await through(box(A));
      expect(first).toMatchObject({ status: 200, cache: 'MISS' });
      const before = reached(box(A));
      expect(before).toBe(1);
      const hot = await through(box(A));
      expect(hot).toMatchObject({ status: 200, cache: 'HIT', text: first.text });
      expect(JSON.parse(hot.text).data.contextBox.question).toBe('What is ISIS-K?');
      expect(reached(box(A))).toBe(before);
      // The keys are Varnish's business; readers get Backstory's caching rules and nothing of its internals.
      expect(hot.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
      for (const name of ['surrogate-key', 'cache-tag', 'xkey', 'set-cookie']) expect(hot.headers.get(name)).toBeNull();
    });

    it('passes no cookie to Backstory, and a reader’s cookie does not keep the box from the cache', async () => {
      await warm(box(B));
      const count = reached(box(B));
      expect((await through(box(B), { cookie: 'session=reader' })).cache).toBe('HIT');
      expect(reached(box(B))).toBe(count);
      await through('/explainers/not-cached-yet', { cookie: 'session=reader' });
      const seen = origin.filter((req) => req.url === '/explainers/not-cached-yet');
      expect(seen.length).toBe(1);
      expect(seen[0].headers.cookie).toBeUndefined();
    });

    it('sends a request with an API key to Backstory every time', async () => {
      const path = `/graphql?query=${encodeURIComponent(`{ explainer(slug: "${A}", preview: true) { version } }`)}`;
      const before = reached(path);
      for (let i = 0; i < 2; i++) expect((await through(path, { ...keys.editor, 'apollo-require-preflight': '1' })).cache).toBe('PASS');
      expect(reached(path)).toBe(before + 2);
    });

    it('purges nothing for an editor’s working-copy edit', async () => {
      for (const path of [box(A), `/explainers/${A}`, `/embed/explainers/${A}`, oembed(A)]) await warm(path);
      const purges = relay.done.length;
      await ok(t, 'mutation($x: ID!, $v: Int!) { updateExplainer(id: $x, expectedVersion: $v, input: { title: "What is ISIS-K, now?" }) { id } }', { x: a.id, v: a.version }, keys.editor);
      // A purge of our own through the relay, after the edit: one the edit sent would have been there first.
      await fetch(relay.url, { method: 'PURGE', headers: { 'xkey-purge': 'explainer:none' } });
      expect(relay.done.slice(purges).map((purge) => purge.keys)).toEqual([['explainer:none']]);
      for (const path of [box(A), `/explainers/${A}`, `/embed/explainers/${A}`, oembed(A)]) {
        const response = await through(path);
        expect({ path, cache: response.cache }).toEqual({ path, cache: 'HIT' });
        expect(response.text).not.toContain('now?');
      }
    });

    it('purges A’s box, page, embed and oEmbed when A is published, and leaves B’s box and pages cached', async () => {
      // B's page too: it cites no source, so nothing on it is shared with A.
      const others = [box(B), `/explainers/${B}`, `/embed/explainers/${B}`];
      for (const path of [box(A), `/explainers/${A}`, `/embed/explainers/${A}`, oembed(A), ...others]) await warm(path);
      const othersReached = others.map(reached);
      const purged = relay.next();
      await ok(t, 'mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { id } }', { x: a.id, v: a.version + 1 }, keys.publisher);
      const purge = await purged;
      expect(purge).toMatchObject({ status: 200, message: expect.stringMatching(/^Purged [1-9]\d* objects$/) });

      for (const path of [box(A), `/explainers/${A}`, `/embed/explainers/${A}`, oembed(A)]) {
        const count = reached(path);
        const fresh = await through(path);
        expect({ path, cache: fresh.cache }).toEqual({ path, cache: 'MISS' });
        expect(fresh.text).toContain('What is ISIS-K, now?');
        expect(reached(path)).toBe(count + 1);
        expect((await through(path)).cache).toBe('HIT');
      }
      for (const path of others) expect({ path, cache: (await through(path)).cache }).toEqual({ path, cache: 'HIT' });
      expect(others.map(reached)).toEqual(othersReached);
    });

    it('purges A’s box, which names only A, when an entity A mentions is published, and leaves B’s box cached', async () => {
      const aId = Buffer.from(a.id, 'base64url').toString().split(':')[1];
      // What Backstory tells a CDN the box read: its explainer, not the entities it links.
      const atOrigin = await fetch(`${t.url}${box(A)}`);
      await atOrigin.arrayBuffer();
      expect(atOrigin.headers.get('surrogate-key')).toBe(`explainer-slug:${A} explainer:${aId}`);
      for (const path of [box(A), box(B)]) await warm(path);
      const bReached = reached(box(B));
      const kabul = (await ok(t, '{ entity(slug: "kabul", preview: true) { id version } }', {}, keys.editor)).entity;
      await ok(t, 'mutation($e: ID!, $v: Int!) { updateEntity(id: $e, expectedVersion: $v, input: { description: "The capital, now." }) { id } }', { e: kabul.id, v: kabul.version }, keys.editor);
      const purged = relay.next();
      await ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: kabul.id }, keys.publisher);
      const purge = await purged;
      expect(purge.keys).toContain(`explainer:${aId}`);
      expect(purge).toMatchObject({ status: 200, message: expect.stringMatching(/^Purged [1-9]\d* objects$/) });
      const fresh = await through(box(A));
      expect(fresh.cache).toBe('MISS');
      expect(fresh.text).toContain('The capital, now.');
      expect((await through(box(B))).cache).toBe('HIT');
      expect(reached(box(B))).toBe(bReached);
    });

    it('purges the cached 404 of a slug when an explainer is published under it', async () => {
      const page = '/explainers/what-is-c';
      await through(page);
      expect(await through(page)).toMatchObject({ status: 404, cache: 'HIT' });
      const c = (await ok(t, 'mutation { createExplainer(input: { slug: "what-is-c", title: "What is C?", headline: "C", summary: "C is a test." }) { id } }', {}, keys.editor)).createExplainer;
      expect(await through(page)).toMatchObject({ status: 404, cache: 'HIT' });
      const purged = relay.next();
      await ok(t, 'mutation($x: ID!) { publishExplainer(id: $x, expectedVersion: 1) { id } }', { x: c.id }, keys.publisher);
      await purged;
      expect(await through(page)).toMatchObject({ status: 200, cache: 'MISS' });
    });

    it('drops objects carrying any of the keys one PURGE names', async () => {
      await warm(box(B));
      const bId = Buffer.from(b.id, 'base64url').toString().split(':')[1];
      const answer = await fetch(`${varnish.url}/`, { method: 'PURGE', headers: { 'xkey-purge': `explainer:none explainer:${bId}` } });
      expect(answer.status).toBe(200);
      expect((await through(box(B))).cache).toBe('MISS');
    });

    it('refuses a PURGE from an address outside its ACL', async () => {
      await warm(box(B));
      const bId = Buffer.from(b.id, 'base64url').toString().split(':')[1];
      const status = await new Promise<number>((resolve, reject) => {
        const { port } = new URL(varnish.url);
        const req = request({ host: '127.0.0.1', port, method: 'PURGE', path: '/', localAddress: '127.0.0.2', headers: { 'xkey-purge': `explainer:${bId}` } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(403);
      expect((await through(box(B))).cache).toBe('HIT');
    });
  });
});
