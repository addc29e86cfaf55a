/**
 * When there is nothing to show (an unknown slug) or nobody to ask (the API is down), the partner's page
 * carries on: no uncaught error reaches it, its own script keeps working, and the box goes quiet.
 */
import type { Page } from 'playwright-core';
import { type TestApp, startApp } from '../setup/app';
import { describeInBrowser, useChromium } from './support/browser';
import { type HostServer, startHostServer } from './support/host-server';

/** A partner page with its own working script (a counter), a box and an iframe embed. */
function partnerPage({ script, api, slug, frame }: { script: string; api?: string; slug: string; frame: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Partner</title>
<script async src="${script}/widgets/v1/backstory.js"></script></head><body>
<h1>Partner article</h1>
<button id="count" type="button">0</button>
<backstory-box explainer="${slug}"${api ? ` api="${api}"` : ''}></backstory-box>
<iframe id="frame" data-backstory src="${frame}/embed/explainers/${slug}" title="Backstory" width="600" height="206" frameborder="0"></iframe>
<p id="after">The article goes on.</p>
<script>document.getElementById('count').addEventListener('click', (e) => { e.target.textContent = String(Number(e.target.textContent) + 1); });</script>
</body></html>`;
}

describeInBrowser('when the box cannot be shown (Chromium)', () => {
  const chromium = useChromium();
  let t: TestApp;
  let stoppedUrl: string;
  let host: HostServer;

  beforeAll(async () => {
    t = await startApp('sqlite');
    const stopped = await startApp('sqlite');
    stoppedUrl = stopped.url;
    await stopped.close();
    host = await startHostServer();
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await t?.close();
  });

  async function open(path: string, html: string): Promise<{ page: Page; errors: Error[] }> {
    host.set(path, html);
    const context = await chromium.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(`${host.origin}${path}`, { waitUntil: 'load' });
    return { page, errors };
  }

  async function pageStillWorks(page: Page): Promise<void> {
    await page.locator('#count').click();
    await page.locator('#count').click();
    expect(await page.locator('#count').textContent()).toBe('2');
    expect(await page.locator('#after').isVisible()).toBe(true);
  }

  /** The quiet fallback: one link to the explainer, no skeleton left behind, in the space the box reserved (nothing below moves). */
  async function fallback(page: Page): Promise<{ text: string | null; href: string | null; height: number }> {
    await page.waitForFunction(() => !!document.querySelector('backstory-box')?.shadowRoot?.querySelector('.fb a'));
    return {
      text: await page.locator('backstory-box .fb a').textContent(),
      href: await page.locator('backstory-box .fb a').getAttribute('href'),
      height: await page.locator('backstory-box').evaluate((el) => el.getBoundingClientRect().height),
    };
  }

  it('an unknown slug: a quiet link in the box, one quiet line in the iframe, no error on the page', async () => {
    const { page, errors } = await open('/unknown', partnerPage({ script: t.url, slug: 'no-such-explainer', frame: t.url }));
    const box = await fallback(page);
    expect(box.text).toBe('Read the explainer');
    expect(box.href).toBe(`${t.url}/explainers/no-such-explainer`);
    // calc(12.75em + 2px) at the medium font size: what backstory.css and the box reserve.
    expect(box.height).toBe(206);
    const frame = page.frameLocator('#frame');
    expect(await frame.locator('.fb').textContent()).toBe('This explainer is not available.');
    // The frame reports its (small) height like any other, and the host keeps the height its snippet
    // reserved: the iframe is never sized below its height attribute, so nothing below it moves.
    await page.waitForFunction(() => document.getElementById('frame')!.style.height !== '');
    expect(await page.locator('#frame').evaluate((el) => [el.style.height, el.getBoundingClientRect().height])).toEqual(['206px', 206]);
    await pageStillWorks(page);
    expect(errors).toEqual([]);
  });

  it('an API that is down: the box falls back to its link, and the page carries on', async () => {
    const { page, errors } = await open('/api-down', partnerPage({ script: t.url, api: stoppedUrl, slug: 'what-is-isis-k', frame: stoppedUrl }));
    const box = await fallback(page);
    expect(box.text).toBe('Read the explainer');
    expect(box.href).toBe(`${stoppedUrl}/explainers/what-is-isis-k`);
    await pageStillWorks(page);
    expect(errors).toEqual([]);
  });

  it('a box that fails to render (an answer it cannot read): its quiet link, never a blank box', async () => {
    host.set('/bad-answer', partnerPage({ script: t.url, slug: 'what-is-isis-k', frame: t.url }));
    const context = await chromium.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    // An answer with a key fact the box cannot read: rendering it throws inside the box.
    await page.route('**/graphql?*', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.data.contextBox.keyFacts = [{ kind: 'FOUNDED', label: 'Founded', value: 'then', sources: 'not a list' }];
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${host.origin}/bad-answer`, { waitUntil: 'load' });
    const box = await fallback(page);
    expect(box.text).toBe('Read the explainer');
    expect(box.href).toBe(`${t.url}/explainers/what-is-isis-k`);
    await pageStillWorks(page);
    expect(errors).toEqual([]);
  });

  it('backstory.js itself unreachable: nothing appears, and the page carries on', async () => {
    const { page, errors } = await open('/script-down', partnerPage({ script: stoppedUrl, slug: 'what-is-isis-k', frame: stoppedUrl }));
    await page.waitForTimeout(300);
    expect(await page.locator('backstory-box').evaluate((el) => el.shadowRoot)).toBeNull();
    expect(await page.evaluate(() => 'Backstory' in window)).toBe(false);
    await pageStillWorks(page);
    expect(errors).toEqual([]);
  });
});
