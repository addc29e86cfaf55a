/**
 * The embed page in an <iframe data-backstory> on another site: backstory.js on the host sizes the
 * frame to the box, and the box reads without JavaScript at all.
 */
import type { Frame, Page } from 'playwright-core';
import { type TestApp, startApp } from '../setup/app';
import { painted, settled, waitForFrameBox } from './support/box';
import { describeInBrowser, useChromium } from './support/browser';
import { type HostServer, plainPage, serveNewsPage, startHostServer } from './support/host-server';
import { keepScreenshot } from './support/screenshots';

describeInBrowser('the iframe embed (Chromium)', () => {
  const chromium = useChromium();
  let t: TestApp;
  let host: HostServer;
  let newsUrl: string;

  beforeAll(async () => {
    t = await startApp('sqlite');
    host = await startHostServer();
    newsUrl = await serveNewsPage(host, t.url);
    // Deliberately the wrong height: the frame must end up as tall as its content.
    host.set(
      '/framed',
      plainPage({
        script: t.url,
        body: `<p>Before.</p><iframe id="box" data-backstory src="${t.url}/embed/explainers/what-is-isis-k" title="Backstory: What is ISIS-K?" width="600" height="90" frameborder="0"></iframe><p id="after">After.</p>`,
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await t?.close();
  });

  async function open(url: string, browser = chromium): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  const heights = async (page: Page, frame: Frame, selector: string) => ({
    iframe: await page.locator(selector).evaluate((el) => el.getBoundingClientRect().height),
    content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
  });

  it('is sized to its content by backstory.js on the host page, and again when the box opens', async () => {
    const page = await open(`${host.origin}/framed`);
    const frame = await waitForFrameBox(page, '#box');
    const collapsed = await settled(() => heights(page, frame, '#box'), { iframe: 206, content: 206 });
    expect(collapsed).toEqual({ iframe: 206, content: 206 });
    keepScreenshot('iframe', await page.locator('#box').screenshot());

    await painted(page);
    await frame.locator('.tg').click();
    await frame.waitForFunction(() => document.documentElement.getBoundingClientRect().height > 400);
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    expect(await settled(() => heights(page, frame, '#box'), { iframe: content, content })).toEqual({ iframe: content, content });
  });

  it('is sized by a backstory.js that arrives after the frame has told its height to nobody', async () => {
    const context = await chromium.newContext({ viewport: { width: 1100, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/widgets/v1/backstory.js', async (route) => {
      await held;
      await route.continue();
    });
    // Not until load: the held script holds the page's load event.
    await page.goto(`${host.origin}/framed`, { waitUntil: 'domcontentloaded' });
    const frame = await waitForFrameBox(page, '#box');
    // The frame's script has run and its first ResizeObserver callback has posted to a page not yet listening.
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.locator('#box').evaluate((el) => el.getBoundingClientRect().height)).toBe(90);
    release();
    expect(await settled(() => heights(page, frame, '#box'), { iframe: 206, content: 206 })).toEqual({ iframe: 206, content: 206 });
  });

  it('is sized to its content on the example news page, under its strict CSP', async () => {
    const page = await open(newsUrl);
    const frame = await waitForFrameBox(page, '.embed-iframe iframe');
    await settled(() => heights(page, frame, '.embed-iframe iframe').then((h) => h.iframe === h.content), true);
    await painted(page);
    await frame.locator('.tg').click();
    await frame.locator('.disc').first().click();
    await frame.waitForFunction(() => document.documentElement.getBoundingClientRect().height > 400);
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    expect(await settled(() => heights(page, frame, '.embed-iframe iframe'), { iframe: content, content })).toEqual({ iframe: content, content });
  });

  describe('with JavaScript disabled', () => {
    const noScript = useChromium({ javaScript: false });

    it('shows the summary and every section', async () => {
      const page = await open(newsUrl, noScript);
      const frame = await waitForFrameBox(page, '.embed-iframe iframe');
      const seen = {
        question: await frame.locator('.q').textContent(),
        summary: await frame.locator('.sum').isVisible(),
        // The <noscript> stylesheet opens what the buttons would have, and hides the one that cannot work.
        details: await frame.locator('.more').isVisible(),
        firstSection: await frame.locator('.sec-b').first().isVisible(),
        toggle: await frame.locator('.tg').isVisible(),
      };
      expect(seen).toEqual({ question: 'What is ISIS-K?', summary: true, details: true, firstSection: true, toggle: false });
      expect(await frame.locator('.sum').textContent()).toContain('Islamic State Khorasan Province');
      // And the page around it: no script ran there either, so the custom element stayed empty.
      expect(await page.locator('backstory-box').evaluate((el) => el.shadowRoot)).toBeNull();
    });
  });
});
