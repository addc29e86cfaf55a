/**
 * What Backstory sends to PURGE_URLS: the tags a publish changed, in xkey-purge headers no longer than a
 * real Varnish accepts. A publish that names many tags (an entity that many kept boxes link) is sent as
 * several purges, every tag in one of them.
 */
import { type IncomingMessage, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { PURGE_HEADER_BYTES, createPurger } from '../../api/cdn/purge';
import { type Varnish, describeWithVarnish, exampleVcl, freePort, startVarnish } from '../setup/varnish';

const manyTags = (n: number) => Array.from({ length: n }, (_, i) => `explainer:${String(i).padStart(8, '0')}-4b0a-4ac3-b957-bc060984595c`);

describe('purges sent to PURGE_URLS', () => {
  it('sends the tags of a large publish as several purges within the header size, each tag once, to every URL', async () => {
    const received: Array<{ url: string; header: string }> = [];
    const servers = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<{ url: string; close(): void }>((resolve) => {
            const server = createServer((req: IncomingMessage, res) => {
              received.push({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, header: String(req.headers['xkey-purge']) });
              res.writeHead(200).end();
            });
            server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => (server.close(), server.closeAllConnections()) }));
          }),
      ),
    );
    const tags = manyTags(300);
    try {
      await createPurger(
        servers.map((s) => s.url),
        pino({ level: 'silent' }),
      ).purge([...tags, ...tags.slice(0, 10)]);
    } finally {
      for (const server of servers) server.close();
    }
    for (const server of servers) {
      const headers = received.filter((r) => r.url === server.url).map((r) => r.header);
      expect(headers.length).toBeGreaterThan(3);
      for (const header of headers) expect(header.length).toBeLessThanOrEqual(PURGE_HEADER_BYTES);
      const sent = headers.flatMap((h) => h.split(' '));
      expect(sent.length).toBe(tags.length);
      expect(new Set(sent)).toEqual(new Set(tags));
    }
  });

  it('sends a small publish as one purge', async () => {
    const received: string[] = [];
    const server = createServer((req, res) => {
      received.push(String(req.headers['xkey-purge']));
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await createPurger([`http://127.0.0.1:${(server.address() as AddressInfo).port}/`], pino({ level: 'silent' })).purge(['explainer:a', 'entity:b', 'lists']);
    server.close();
    server.closeAllConnections();
    expect(received).toEqual(['explainer:a entity:b lists']);
  });
});

describeWithVarnish('purges a real Varnish accepts', () => {
  let varnish: Varnish;
  beforeAll(async () => {
    varnish = await startVarnish(await freePort(), exampleVcl(await freePort()));
  }, 30_000);
  afterAll(() => varnish?.stop());

  /** The status Varnish answers a purge with; 0 when it closes the connection instead. */
  const purge = async (header: string) => {
    try {
      const response = await fetch(`${varnish.url}/`, { method: 'PURGE', headers: { 'xkey-purge': header } });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  };

  it('takes a purge of the largest size Backstory sends, and refuses one of twice that', async () => {
    const fits = manyTags(300).join(' ').slice(0, PURGE_HEADER_BYTES).replace(/ \S*$/, '');
    expect(fits.length).toBeLessThanOrEqual(PURGE_HEADER_BYTES);
    expect(await purge(fits)).toBe(200);
    expect(await purge(manyTags(300).join(' ').slice(0, 2 * PURGE_HEADER_BYTES + 100))).not.toBe(200);
  });
});
