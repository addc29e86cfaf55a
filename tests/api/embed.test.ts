import { createHash } from 'node:crypto';
/**
 * The routes partner sites touch, over HTTP: oEmbed (by clause of oEmbed 1.0), the explainer page, the
 * embed page and the widget files, with the headers each must carry.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { embedRoutes } from '../../api/http/embed';
import { createRouter } from '../../api/http/router';
import { createExplainer } from '../../api/store/explainer.store';
import { correctExplainer } from '../../api/store/publishing.store';
import { embedStylesheet } from '../../api/pages/embed-styles';
import { addArabicEdition } from '../e2e/fixtures/arabic-explainer';
import { databases } from '../setup/databases';
import { STRICT_CSP, attributes, jsonLd } from '../setup/html';
import { type TestApp, startApp } from '../setup/app';

const distWidgets = join(__dirname, '../../dist/widgets');

const oembed = (base: string, params: Record<string, string>) => fetch(`${base}/oembed?${new URLSearchParams(params)}`);

describe.each(databases)('embedding over HTTP (%s)', (database) => {
  let t: TestApp;
  let page: string;

  beforeAll(async () => {
    t = await startApp(database);
    page = `${t.url}/explainers/what-is-isis-k`;
    await addArabicEdition(t);
    await createExplainer(t.app.db, { slug: 'a-draft', locale: 'en', title: 'Draft?', headline: 'Draft', summary: 'Not yet.' }, { keyId: null });
    const { body } = await t.gql('{ explainer(slug: "what-is-isis-k") { id } }');
    const explainerId = Buffer.from(body.data.explainer.id, 'base64url').toString().split(':')[1];
    await t.app.db
      .transaction()
      .execute((trx) => correctExplainer(trx, { explainerId, actor: { keyId: null }, action: 'add correction' }, 'An earlier version misdated the group’s founding.', new Set()));
  });
  afterAll(() => t.close());

  describe('GET /oembed (oEmbed 1.0)', () => {
    it('2.3.4: answers a published explainer page with a "rich" JSON response', async () => {
      const response = await oembed(t.url, { url: page, format: 'json' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const body = await response.json();
      expect(body).toMatchObject({
        type: 'rich',
        version: '1.0',
        title: 'What is ISIS-K?',
        provider_name: 'Backstory',
        provider_url: t.app.config.publicUrl,
        width: 600,
        height: 206,
      });
      expect(body.cache_age).toBeGreaterThan(0);
    });

    it('2.3.4.4: the html is the reserve stylesheet and one iframe to the embed page, titled, lazy, marked data-backstory, sized', async () => {
      const { html, width, height } = await (await oembed(t.url, { url: page })).json();
      expect(html).toMatch(/^<link [^<>]*><iframe [^<>]*><\/iframe>$/);
      expect(attributes(html, 'link')).toEqual({ rel: 'stylesheet', href: `${t.url}/widgets/v1/backstory.css` });
      expect(attributes(html, 'iframe')).toEqual({
        src: `${t.url}/embed/explainers/what-is-isis-k`,
        title: 'Backstory: What is ISIS-K?',
        width: String(width),
        height: String(height),
        loading: 'lazy',
        frameborder: '0',
        'data-backstory': '',
      });
    });

    it('2.2: keeps width and height within maxwidth and maxheight', async () => {
      const small = await (await oembed(t.url, { url: page, maxwidth: '320', maxheight: '150' })).json();
      expect([small.width, small.height]).toEqual([320, 150]);
      expect(attributes(small.html, 'iframe')).toMatchObject({ width: '320', height: '150' });
      const roomy = await (await oembed(t.url, { url: page, maxwidth: '2000', maxheight: '2000' })).json();
      expect([roomy.width, roomy.height]).toEqual([600, 206]);
    });

    it('keeps the locale of the page it was given', async () => {
      const body = await (await oembed(t.url, { url: `${page}?locale=ar` })).json();
      expect(body.title).toBe('ما هو تنظيم داعش خراسان؟');
      expect(attributes(body.html, 'iframe').src).toBe(`${t.url}/embed/explainers/what-is-isis-k?locale=ar`);
    });

    it('recognises pages at PUBLIC_URL as well as at the address it was reached at', async () => {
      const body = await (await oembed(t.url, { url: `${t.app.config.publicUrl}/explainers/what-is-isis-k` })).json();
      expect(attributes(body.html, 'iframe').src).toBe(`${t.app.config.publicUrl}/embed/explainers/what-is-isis-k`);
    });

    it.each([
      ['an unknown slug', () => `${t.url}/explainers/no-such-explainer`],
      ['a draft', () => `${t.url}/explainers/a-draft`],
      ['another site', () => 'https://news.example/explainers/what-is-isis-k'],
      ['a path that is not an explainer page', () => `${t.url}/graphql`],
      ['the embed page itself', () => `${t.url}/embed/explainers/what-is-isis-k`],
    ])('2.3.5: answers 404 for %s', async (_, url) => {
      const response = await oembed(t.url, { url: url() });
      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('2.3.5: answers 501 for format=xml, which it does not implement', async () => {
      expect((await oembed(t.url, { url: page, format: 'xml' })).status).toBe(501);
    });

    it.each([
      ['no url', {}],
      ['an empty url', { url: '' }],
      ['a relative url', { url: '/explainers/what-is-isis-k' }],
      ['a url that is not http(s)', { url: 'javascript:alert(1)' }],
      ['a maxwidth that is not a positive integer', { url: 'PAGE', maxwidth: '-5' }],
      ['a maxheight that is not a number', { url: 'PAGE', maxheight: 'tall' }],
    ])('answers 400 for %s', async (_, params: Record<string, string>) => {
      const response = await oembed(t.url, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === 'PAGE' ? page : v])));
      expect(response.status).toBe(400);
    });
  });

  describe('GET /explainers/:slug', () => {
    let response: Response;
    let html: string;
    beforeAll(async () => {
      response = await fetch(page);
      html = await response.text();
    });

    it('is an HTML page under a strict CSP that no other site may frame', () => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(`${STRICT_CSP}; frame-ancestors 'none'`);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(html).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/); // no script but the data
      expect(html).not.toMatch(/\sstyle=|<style/);
    });

    it('declares its language and direction on <html>', async () => {
      expect(attributes(html, 'html')).toEqual({ lang: 'en', dir: 'ltr' });
      const arabic = await (await fetch(`${page}?locale=ar`)).text();
      expect(attributes(arabic, 'html')).toEqual({ lang: 'ar', dir: 'rtl' });
      expect(arabic).toContain('<h1>ما هو تنظيم داعش خراسان الذي تبنّى تفجيرات مطار كابول؟</h1>');
    });

    it('shows the whole explainer: headline, dateline, sections, quotes, citations, sources, corrections, dates', () => {
      expect(html).toContain('<h1>What Is ISIS-K That Claimed Responsibility For Kabul Airport Blasts?</h1>');
      expect(html).toContain('<span class="dateline">New Delhi</span>');
      expect(html).toContain('<h2>Relationship with Taliban</h2>');
      expect(html).toContain('<h2>Its role in the current scenario</h2>');
      expect(html).toMatch(/<figure class="qt"><blockquote><p>It is still too early[^]*<\/blockquote><figcaption><bdi[^>]*>Amira Jadoon<\/bdi> and <bdi[^>]*>Andrew Mines<\/bdi>, via <bdi>The Conversation<\/bdi><\/figcaption><\/figure>/);
      // A citation note where the text says only "the report", none where it names the source itself.
      expect(html).toContain('<small class="ct"> (according to <bdi>The Conversation</bdi>)</small>, the report added.</p>');
      expect(html).toMatch(/in the world, according to the <span[^>]*>Institute for Economics and Peace<\/span>’s <span[^>]*>Global Terrorism Index<\/span>\.<\/p>/);
      expect(html).toMatch(/<li id="source-the-conversation-report"><cite>The Conversation<\/cite>.*?Cited in <a href="#overview">Overview<\/a>/);
      expect(html).toContain('An earlier version misdated the group’s founding.');
      expect(html).toMatch(/Updated <time datetime="[^"]+">[A-Z][a-z]+ \d{1,2}, \d{4}<\/time>/);
      expect(html).toContain('<dt><bdi>Founded</bdi></dt>');
    });

    it('describes itself in JSON-LD: an Article about the organisation under each of its names', () => {
      const { raw, value } = jsonLd(html);
      expect(raw).not.toContain('<');
      expect(value).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Article',
        headline: 'What Is ISIS-K That Claimed Responsibility For Kabul Airport Blasts?',
        inLanguage: 'en',
        url: `${t.app.config.publicUrl}/explainers/what-is-isis-k`,
        about: { '@type': 'Organization', name: 'Islamic State Khorasan Province', alternateName: ['ISIS-K', 'ISKP', 'ISK'] },
        publisher: { '@type': 'Organization', name: 'Backstory', url: t.app.config.publicUrl },
        correction: [{ '@type': 'CorrectionComment', text: 'An earlier version misdated the group’s founding.' }],
      });
      expect(Date.parse(value.dateModified)).not.toBeNaN();
      expect(Date.parse(value.datePublished)).not.toBeNaN();
    });

    it('escapes "<" inside the JSON-LD, so text from the content cannot close the script', async () => {
      await correctExplainer(
        t.app.db,
        { explainerId: Buffer.from((await t.gql('{ explainer(slug: "what-is-isis-k", locale: "ar") { id } }')).body.data.explainer.id, 'base64url').toString().split(':')[1], actor: { keyId: null }, action: 'add correction' },
        'Fixed </script><script>alert(1)</script> & more',
        new Set(),
      );
      const { raw, value } = jsonLd(await (await fetch(`${page}?locale=ar`)).text());
      expect(raw).not.toContain('<');
      expect(raw).toContain('\\u003c/script\\u003e');
      expect(value.correction[0].text).toBe('Fixed </script><script>alert(1)</script> & more');
    });

    it('links its oEmbed endpoint for discovery', () => {
      const link = attributes(html, 'link', { rel: 'alternate', type: 'application/json+oembed' });
      expect(link.href.replace(/&amp;/g, '&')).toBe(
        `${t.app.config.publicUrl}/oembed?url=${encodeURIComponent(`${t.app.config.publicUrl}/explainers/what-is-isis-k`)}&format=json`,
      );
    });

    it('takes its styles from a stylesheet of ours, cached for good under a content hash', async () => {
      const href = attributes(html, 'link', { rel: 'stylesheet' }).href;
      expect(href).toMatch(/^\/assets\/explainer\.[0-9a-f]{8}\.css$/);
      const css = await fetch(`${t.url}${href}`);
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    });

    it('answers 304 to a reader who has the page already', async () => {
      const again = await fetch(page, { headers: { 'if-none-match': response.headers.get('etag')! } });
      expect(again.status).toBe(304);
    });

    it.each([
      ['an unknown slug', '/explainers/no-such-explainer'],
      ['a draft', '/explainers/a-draft'],
      ['a slug that cannot be one', '/explainers/Not_A_Slug'],
    ])('answers 404, with a page, for %s', async (_, path) => {
      const missing = await fetch(`${t.url}${path}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(missing.headers.get('content-security-policy')).toBe(`${STRICT_CSP}; frame-ancestors 'none'`);
      expect(await missing.text()).toContain('<h1>Explainer not found</h1>');
    });
  });

  describe('GET /embed/explainers/:slug', () => {
    let response: Response;
    let html: string;
    beforeAll(async () => {
      response = await fetch(`${t.url}/embed/explainers/what-is-isis-k`);
      html = await response.text();
    });

    it('may be framed by any site, and otherwise keeps the strict CSP', () => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(`${STRICT_CSP}; frame-ancestors *`);
      expect(response.headers.get('x-frame-options')).toBeNull();
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(html).not.toMatch(/\sstyle=|<style/);
    });

    it('is the box, rendered on the server, readable before any script runs', () => {
      expect(attributes(html, 'html')).toEqual({ lang: 'en', dir: 'ltr' });
      expect(html).toContain('<div role="region" aria-labelledby="backstory-q" part="root" class="bs light compact" dir="ltr" lang="en">');
      expect(html).toContain('<h2 id="backstory-q" class="q" part="heading">What is ISIS-K?</h2>');
      expect(html).toMatch(/<p class="sum" part="summary">The Islamic State Khorasan Province/);
      expect(html).toMatch(/<noscript><link rel="stylesheet" href="\/assets\/embed-noscript\.[0-9a-f]{8}\.css"\/><\/noscript>/);
    });

    it('carries the props the frame script hydrates the same box from, and the script itself', async () => {
      const props = JSON.parse(/<script type="application\/json" id="backstory-props">([^]*?)<\/script>/.exec(html)![1]);
      expect(props).toMatchObject({ variant: 'compact', theme: 'light', idPrefix: 'backstory', box: { question: 'What is ISIS-K?', direction: 'LTR' } });
      const manifest = JSON.parse(readFileSync(join(distWidgets, 'manifest.json'), 'utf8'));
      expect(attributes(html, 'script', { defer: '' })).toEqual({ defer: '', src: `/widgets/${manifest.frame.file}` });
      expect((await fetch(`${t.url}/widgets/${manifest.frame.file}`)).status).toBe(200);
    });

    it('follows ?theme, ?variant and ?locale', async () => {
      const dark = await (await fetch(`${t.url}/embed/explainers/what-is-isis-k?theme=dark&variant=full`)).text();
      expect(dark).toContain('class="bs dark full"');
      expect(dark).not.toContain('Show more');
      const auto = await (await fetch(`${t.url}/embed/explainers/what-is-isis-k?theme=auto`)).text();
      expect(auto).toContain('<body class="theme-auto">');
      const arabic = await (await fetch(`${t.url}/embed/explainers/what-is-isis-k?locale=ar`)).text();
      expect(attributes(arabic, 'html')).toEqual({ lang: 'ar', dir: 'rtl' });
      expect(arabic).toContain('>ما هو تنظيم داعش خراسان؟</h2>');
    });

    it('answers an unknown or unpublished slug with 404 and one quiet line, still frameable', async () => {
      for (const slug of ['no-such-explainer', 'a-draft']) {
        const missing = await fetch(`${t.url}/embed/explainers/${slug}`);
        expect(missing.status).toBe(404);
        expect(missing.headers.get('content-security-policy')).toBe(`${STRICT_CSP}; frame-ancestors *`);
        expect(await missing.text()).toContain('<p class="fb light">This explainer is not available.</p>');
      }
    });

    it('is styled by the box’s own styles, rewritten for a page of its own', async () => {
      const href = attributes(html, 'link', { rel: 'stylesheet' }).href;
      const css = await (await fetch(`${t.url}${href}`)).text();
      expect(css).toBe(embedStylesheet());
      expect(css).not.toContain(':host');
      expect(css).toContain('.bs{padding:1em 1.25em;');
    });
  });

  describe('widget files', () => {
    const manifest = () => JSON.parse(readFileSync(join(distWidgets, 'manifest.json'), 'utf8'));
    const cases = () => [
      { path: '/widgets/v1/backstory.js', file: 'backstory.js', type: 'text/javascript; charset=utf-8', cache: 'public, max-age=300, stale-while-revalidate=86400' },
      { path: `/widgets/${manifest().file}`, file: manifest().file, type: 'text/javascript; charset=utf-8', cache: 'public, max-age=31536000, immutable' },
      { path: '/widgets/v1/manifest.json', file: 'manifest.json', type: 'application/json; charset=utf-8', cache: 'public, max-age=300, stale-while-revalidate=86400' },
      { path: '/widgets/v1/backstory.css', file: 'backstory.css', type: 'text/css; charset=utf-8', cache: 'public, max-age=300, stale-while-revalidate=86400' },
      { path: `/widgets/${manifest().css.file}`, file: manifest().css.file, type: 'text/css; charset=utf-8', cache: 'public, max-age=31536000, immutable' },
    ];

    it('names the reserve stylesheet in the manifest by its hash, with its integrity, for CMS plugins to enqueue', () => {
      const { css } = manifest();
      const bytes = readFileSync(join(distWidgets, css.file));
      expect(Object.keys(css).sort()).toEqual(['file', 'integrity']);
      expect(css.file).toBe(`backstory.${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.css`);
      expect(css.integrity).toBe(`sha384-${createHash('sha384').update(bytes).digest('base64')}`);
      expect(bytes.equals(readFileSync(join(distWidgets, 'backstory.css')))).toBe(true);
      expect(bytes.toString('utf8')).toContain('backstory-box{display:block;font-size:medium;min-block-size:calc(12.75em + 2px)}');
    });

    it('serves the moving URL, the hashed copy and the manifest to any origin, with their cache lifetimes', async () => {
      for (const { path, file, type, cache } of cases()) {
        const response = await fetch(`${t.url}${path}`, { headers: { 'accept-encoding': 'identity', origin: 'https://news.example' } });
        expect([path, response.status]).toEqual([path, 200]);
        expect(response.headers.get('content-type')).toBe(type);
        expect(response.headers.get('cache-control')).toBe(cache);
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
        expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
        expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(distWidgets, file)))).toBe(true);
      }
    });

    it('answers 304 with no body when If-None-Match names the current ETag, and 200 when it does not', async () => {
      for (const { path } of cases()) {
        const first = await fetch(`${t.url}${path}`);
        const etag = first.headers.get('etag')!;
        const again = await fetch(`${t.url}${path}`, { headers: { 'if-none-match': `"stale", ${etag}` } });
        expect([path, again.status]).toEqual([path, 304]);
        expect(again.headers.get('etag')).toBe(etag);
        expect(await again.text()).toBe('');
        expect((await fetch(`${t.url}${path}`, { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
      }
    });

    it('sends the bundle brotli- or gzip-compressed to clients that take it', async () => {
      const original = readFileSync(join(distWidgets, 'backstory.js'));
      for (const coding of ['br', 'gzip']) {
        const response = await fetch(`${t.url}/widgets/v1/backstory.js`, { headers: { 'accept-encoding': coding } });
        expect(response.headers.get('content-encoding')).toBe(coding);
        expect(response.headers.get('vary')).toBe('accept-encoding');
        expect(Number(response.headers.get('content-length'))).toBeLessThan(original.length / 2);
        expect(Buffer.from(await response.arrayBuffer()).equals(original)).toBe(true); // fetch decodes it
      }
    });

    it('answers 404 for a hashed file it does not have', async () => {
      expect((await fetch(`${t.url}/widgets/backstory.00000000.js`)).status).toBe(404);
      expect((await fetch(`${t.url}/widgets/v1/other.js`)).status).toBe(404);
    });
  });
});

describe('widget files missing from dist/widgets', () => {
  let server: Server;
  let url: string;
  let dir: string;
  const logs: Array<{ level: number; msg: string }> = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backstory-no-widgets-'));
    const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
    const unused = () => {
      throw new Error('not used by the widget routes');
    };
    const routes = embedRoutes({ config: { publicUrl: 'http://localhost:4000' } as never, db: undefined as never, logger, execute: unused }, { widgetDir: dir });
    server = createServer(createRouter(routes, logger));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('says so once at start, naming the build command, and answers 404 instead of crashing', async () => {
    expect(logs.filter((l) => l.level === 50).map((l) => l.msg)).toEqual([expect.stringContaining('npm run build:widgets')]);
    for (const path of ['/widgets/v1/backstory.js', '/widgets/v1/manifest.json', '/widgets/backstory.0123abcd.js']) {
      const response = await fetch(`${url}${path}`);
      expect([path, response.status]).toEqual([path, 404]);
    }
    expect(logs.some((l) => l.level === 40 && l.msg.includes('not built'))).toBe(true);
  });
});
