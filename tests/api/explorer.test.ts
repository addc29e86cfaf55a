/**
 * The GraphQL explorer is a development tool: on in development, off in production unless asked for,
 * and Apollo's landing page (scripts from a CDN) is never served in its place.
 */
import { configFromEnv, resolveConfig } from '../../api/config';
import { type TestApp, startApp } from '../setup/app';

describe('the GraphQL explorer', () => {
  it('is on in development, off in production, and on in production with EXPLORER=true', () => {
    const explorer = (env: NodeJS.ProcessEnv) => resolveConfig(configFromEnv(env)).explorer;
    expect(explorer({ NODE_ENV: 'development' })).toBe(true);
    expect(explorer({})).toBe(false);
    expect(explorer({ NODE_ENV: 'production' })).toBe(false);
    expect(explorer({ NODE_ENV: 'production', EXPLORER: 'true' })).toBe(true);
    expect(explorer({ NODE_ENV: 'development', EXPLORER: 'false' })).toBe(false);
  });

  describe('when off (the default outside development)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startApp('sqlite', { nodeEnv: 'production' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('answers 404 at /explorer and for its files', async () => {
      expect((await fetch(`${t.url}/explorer`)).status).toBe(404);
      expect((await fetch(`${t.url}/explorer/explorer.js`)).status).toBe(404);
    });

    it('serves no landing page at /graphql to a browser, and nothing that loads from elsewhere', async () => {
      const response = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
      const body = await response.text();
      expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
      expect(body).not.toMatch(/<script|https:\/\//);
    });
  });

  describe('when on', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startApp('sqlite', { explorer: true });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('serves a page with no inline script, under a policy that allows scripts from this origin only', async () => {
      const response = await fetch(`${t.url}/explorer`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toContain('unsafe-eval');
      const html = await response.text();
      expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/explorer/explorer.js">']);
      expect(html).not.toMatch(/<style|style=|https?:\/\//);
    });

    it('serves the bundle, its stylesheet and the editor\'s workers, compressed', async () => {
      for (const file of ['explorer.js', 'explorer.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
        const response = await fetch(`${t.url}/explorer/${file}`);
        expect({ file, status: response.status }).toEqual({ file, status: 200 });
        expect(response.headers.get('content-encoding')).toBe('gzip');
        expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{16}-gz"$/);
      }
      expect((await fetch(`${t.url}/explorer/nothing.js`)).status).toBe(404);
    });
  });
});
