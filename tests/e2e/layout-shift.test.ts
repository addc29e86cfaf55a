/**
 * The snippets as Backstory hands them out, pasted into a partner page on another origin under a strict
 * CSP, with backstory.js arriving 1.5 s after the page has painted: nothing on the page moves, whether
 * the box loads, its slug is unknown or the API is down (cumulative layout shift 0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type TestApp, startApp } from '../setup/app';
import { waitForBox } from './support/box';
import { describeInBrowser, useChromium } from './support/browser';
import { type HostServer, startHostServer } from './support/host-server';

const SCRIPT_DELAY_MS = 1500;
const README_ORIGIN = 'https://backstory.example';

/** Snippet 1 of the README's "Embedding a box", exactly as written but for the origin. */
function readmeSnippet(api: string): string {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const match = /<!-- 1\.[^\n]*-->\n([\s\S]*?)\n\n<!-- 2\./.exec(readme);
  if (!match) throw new Error('the README has no snippet 1');
  return match[1].replaceAll(README_ORIGIN, api);
}

/** The explainer page's "Embed this" snippet, as a reader copies it from the page. */
async function explainerPageSnippet(api: string): Promise<string> {
  const html = await (await fetch(`${api}/explainers/what-is-isis-k`)).text();
  const code = /<code>(&lt;link[\s\S]*?)<\/code>/.exec(html)?.[1];
  if (!code) throw new Error('the explainer page offers no snippet');
  return code.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** A partner's article: text above and below the snippet, no styles of its own, a CSP with nothing inline. */
function partnerPage(api: string, snippet: string): string {
  const csp = `default-src 'none'; script-src ${api}; style-src ${api}; connect-src ${api}; frame-src ${api}; img-src data:`;
  const paragraph = '<p>The article goes on, and a reader is part way through it when the script arrives.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="data:,"><title>Partner</title></head><body>
<h1>Partner article</h1>${paragraph}
${snippet}
<p id="below">Text below the box.</p>${paragraph.repeat(12)}
</body></html>`;
}

/** Layout shifts (not caused by input) and CSP violations, recorded from the first paint. */
function instrument(): void {
  const w = window as unknown as { __cls: number; __violations: string[]; __takeCls(): number };
  w.__cls = 0;
  w.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  const add = (entries: PerformanceEntryList) => {
    for (const entry of entries as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) w.__cls += entry.value;
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: 'layout-shift', buffered: true });
  w.__takeCls = () => (add(observer.takeRecords()), w.__cls);
}

describeInBrowser('no layout shift with the snippets as published, script 1.5 s late (Chromium)', () => {
  const chromium = useChromium();
  let t: TestApp;
  let host: HostServer;

  beforeAll(async () => {
    t = await startApp('sqlite');
    host = await startHostServer();
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await t?.close();
  });

  interface Visit {
    page: Page;
    /** Where #below was when the page first painted, and where it is now, after the box settled. */
    belowBefore: number;
  }

  async function visit(path: string, html: string, { apiDown = false, holdScript = true } = {}): Promise<Visit> {
    host.set(path, html);
    const context = await chromium.newContext({ viewport: { width: 900, height: 900 }, colorScheme: 'light' });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    // The script is held until 1.5 s after the page's first paint, however slow the machine.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    if (holdScript) {
      await page.route('**/widgets/v1/backstory.js', async (route) => {
        await held;
        await route.continue();
      });
    }
    if (apiDown) await page.route('**/graphql?*', (route) => route.abort('connectionrefused'));
    await page.goto(`${host.origin}${path}`, { waitUntil: 'domcontentloaded' });
    // First contentful paint comes after the render-blocking stylesheet: the page as a reader first sees it.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const belowBefore = await page.evaluate(() => document.getElementById('below')!.getBoundingClientRect().top);
    if (holdScript) expect(await page.evaluate(() => !!customElements.get('backstory-box'))).toBe(false);
    setTimeout(release, SCRIPT_DELAY_MS);
    return { page, belowBefore };
  }

  async function settledShift({ page, belowBefore }: Visit): Promise<{ cls: number; moved: number; violations: string[] }> {
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))));
    return page.evaluate((before) => {
      const w = window as unknown as { __violations: string[]; __takeCls(): number };
      return { cls: w.__takeCls(), moved: document.getElementById('below')!.getBoundingClientRect().top - before, violations: w.__violations };
    }, belowBefore);
  }

  const fallbackShown = (page: Page) => page.waitForFunction(() => !!document.querySelector('backstory-box')?.shadowRoot?.querySelector('.fb a'));

  it('the README’s snippet: the box loads where the stylesheet held its place', async () => {
    const v = await visit('/readme/', partnerPage(t.url, readmeSnippet(t.url)));
    await waitForBox(v.page);
    expect(await settledShift(v)).toEqual({ cls: 0, moved: 0, violations: [] });
  });

  it('the README’s snippet with an unknown slug: the fallback link keeps the reserved height', async () => {
    const snippet = readmeSnippet(t.url).replace('what-is-isis-k', 'no-such-explainer');
    const v = await visit('/unknown/', partnerPage(t.url, snippet));
    await fallbackShown(v.page);
    expect(await settledShift(v)).toEqual({ cls: 0, moved: 0, violations: [] });
  });

  it('the README’s snippet with the API down: the fallback link keeps the reserved height', async () => {
    const v = await visit('/api-down/', partnerPage(t.url, readmeSnippet(t.url)), { apiDown: true });
    await fallbackShown(v.page);
    expect(await settledShift(v)).toEqual({ cls: 0, moved: 0, violations: [] });
  });

  it('the explainer page’s "Embed this" snippet', async () => {
    // The page speaks of PUBLIC_URL; this server is reached at another address.
    const snippet = (await explainerPageSnippet(t.url)).replaceAll(t.app.config.publicUrl, t.url);
    expect(snippet).toContain(`<link rel="stylesheet" href="${t.url}/widgets/v1/backstory.css">`);
    const v = await visit('/embed-this/', partnerPage(t.url, snippet));
    await waitForBox(v.page);
    expect(await settledShift(v)).toEqual({ cls: 0, moved: 0, violations: [] });
  });

  it('oEmbed’s html, as a CMS inserts it', async () => {
    const page = `${t.url}/explainers/what-is-isis-k`;
    const { html } = (await (await fetch(`${t.url}/oembed?url=${encodeURIComponent(page)}`)).json()) as { html: string };
    const v = await visit('/oembed/', partnerPage(t.url, `${html}\n<script async src="${t.url}/widgets/v1/backstory.js"></script>`));
    await v.page.frameLocator('iframe[data-backstory]').locator('.bs').waitFor();
    expect(await settledShift(v)).toEqual({ cls: 0, moved: 0, violations: [] });
  });

  it('oEmbed’s html for an explainer unpublished since: the frame’s short fallback keeps the reserved height', async () => {
    const page = `${t.url}/explainers/what-is-isis-k`;
    const { html } = (await (await fetch(`${t.url}/oembed?url=${encodeURIComponent(page)}`)).json()) as { html: string };
    const gone = html.replace('what-is-isis-k', 'no-such-explainer');
    expect(gone).toContain('/embed/explainers/no-such-explainer');
    // backstory.js first, as on a page that has it already: the resizer hears the frame's fallback tell its height.
    const v = await visit('/oembed-gone/', partnerPage(t.url, `${gone}\n<script async src="${t.url}/widgets/v1/backstory.js"></script>`), { holdScript: false });
    await v.page.frameLocator('iframe[data-backstory]').locator('.fb').waitFor();
    await v.page.waitForFunction(() => document.querySelector<HTMLIFrameElement>('iframe[data-backstory]')!.style.height !== '');
    expect(await settledShift(v)).toEqual({ cls: 0, moved: 0, violations: [] });
  });

  it('without the stylesheet the same page does shift: the measurement can see it', async () => {
    const snippet = readmeSnippet(t.url).replace(/<link rel="stylesheet"[^>]*>\n/, '');
    expect(snippet).not.toContain('backstory.css');
    const v = await visit('/no-css/', partnerPage(t.url, snippet));
    await waitForBox(v.page);
    const { cls, moved } = await settledShift(v);
    expect(cls).toBeGreaterThan(0.05);
    expect(moved).toBeGreaterThan(100);
  });
});
