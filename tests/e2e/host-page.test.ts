/**
 * The box on the example news page, served from another origin under a strict CSP and a hostile
 * stylesheet: it must look as it does on a plain page, break no policy, log no error, move nothing
 * while it loads; and how long it takes to paint is measured and printed.
 */
import type { Page } from 'playwright-core';
import { type TestApp, startApp } from '../setup/app';
import { painted, waitForBox, waitForFrameBox } from './support/box';
import { describeInBrowser, useChromium } from './support/browser';
import { type HostServer, plainPage, serveNewsPage, startHostServer } from './support/host-server';
import { differingPixels, keepScreenshot } from './support/screenshots';

/** Records, in every frame, what the page's CSP blocked; in the top frame, layout shifts and box timings. */
function instrument(): void {
  const w = window as unknown as Record<string, unknown>;
  const violations: string[] = [];
  w.__violations = violations;
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  if (window !== window.top) return;

  const shifts: Array<{ value: number; sources: string[] }> = [];
  w.__shifts = shifts;
  const record = (entries: PerformanceEntryList) => {
    for (const entry of entries as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }>) {
      if (!entry.hadRecentInput) shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => `${s.node?.nodeName}.${(s.node as Element)?.className}`) });
    }
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ type: 'layout-shift', buffered: true });
  // Shifts of frames already painted but not yet delivered to the observer.
  w.__takeShifts = () => (record(observer.takeRecords()), shifts);

  // When backstory.js defines the element, and when the first box's loaded content reaches the screen.
  const timing: { defined?: number; skeleton?: number; rendered?: number; painted?: number } = {};
  w.__timing = timing;
  const define = customElements.define;
  customElements.define = function (this: CustomElementRegistry, name: string, ...rest: [CustomElementConstructor, ElementDefinitionOptions?]) {
    if (name === 'backstory-box') timing.defined ??= performance.now();
    return define.call(this, name, ...rest);
  } as typeof customElements.define;
  const attach = Element.prototype.attachShadow;
  let watching = false;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    if (this.localName === 'backstory-box' && !watching) {
      watching = true;
      const afterPaint = (then: () => void) => requestAnimationFrame(() => requestAnimationFrame(then));
      new MutationObserver((_, observer) => {
        if (timing.skeleton === undefined && root.querySelector('.skel')) afterPaint(() => (timing.skeleton ??= performance.now()));
        if (timing.rendered === undefined && root.querySelector('.bs:not(.skel)')) {
          timing.rendered = performance.now();
          observer.disconnect();
          afterPaint(() => (timing.painted = performance.now()));
        }
      }).observe(root, { childList: true, subtree: true, attributes: true });
    }
    return root;
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

describeInBrowser('the example news page: strict CSP, hostile CSS (Chromium)', () => {
  const chromium = useChromium();
  let t: TestApp;
  let host: HostServer;
  let newsUrl: string;

  beforeAll(async () => {
    t = await startApp('sqlite');
    host = await startHostServer();
    newsUrl = await serveNewsPage(host, t.url);
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await t?.close();
  });

  async function open(viewport = { width: 1100, height: 900 }): Promise<Page> {
    const context = await chromium.newContext({ viewport, colorScheme: 'light' });
    await context.addInitScript(instrument);
    return context.newPage();
  }

  /** Every box on the page loaded: the custom element and both iframes. */
  async function loadAll(page: Page): Promise<void> {
    await waitForBox(page);
    await waitForFrameBox(page, '.embed-iframe iframe');
    await waitForFrameBox(page, '.embed-oembed iframe');
  }

  it('draws the box exactly as on a plain page, pixel for pixel, collapsed and expanded', async () => {
    const page = await open();
    await page.goto(newsUrl);
    await waitForBox(page);
    const where = await page.locator('backstory-box').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, background: getComputedStyle(document.body).backgroundColor };
    });

    // The same box at the same place and width (fractions included, so text lands on the same subpixels),
    // on the same background, which shows through its rounded corners.
    host.set(
      '/plain-at',
      plainPage({
        script: t.url,
        width: 4000,
        background: where.background,
        body: `<div style="position:absolute;left:${where.x}px;top:${where.y}px;width:${where.width}px"><backstory-box explainer="what-is-isis-k"></backstory-box></div><div style="height:${Math.ceil(where.y) + 4000}px"></div>`,
      }),
    );
    const plainContext = await chromium.newContext({ viewport: { width: 1100, height: 900 }, colorScheme: 'light' });
    try {
      const plain = await plainContext.newPage();
      await plain.goto(`${host.origin}/plain-at`);
      await waitForBox(plain);
      const compare = await plainContext.newPage();
      const shoot = (p: Page) => p.locator('backstory-box').screenshot();
      // Clicked from script, not the mouse: a hover state would differ with the scroll position.
      const expand = (p: Page) =>
        p.evaluate(() => {
          const root = document.querySelector('backstory-box')!.shadowRoot!;
          root.querySelector<HTMLElement>('.tg')!.click();
          root.querySelector<HTMLElement>('.disc')!.click();
        });

      const hostile = await shoot(page);
      keepScreenshot('hostile', hostile);
      const collapsed = await differingPixels(compare, hostile, await shoot(plain));
      expect(collapsed.width).toBeGreaterThan(0);
      expect(collapsed.differing).toBe(0);

      await expand(page);
      await expand(plain);
      const expanded = await differingPixels(compare, await shoot(page), await shoot(plain));
      expect(expanded.height).toBeGreaterThan(500);
      expect(expanded.differing).toBe(0);
    } finally {
      await plainContext.close();
    }
  });

  it('breaks no rule of the page’s CSP and logs no error, in the page or its frames', async () => {
    const page = await open();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.goto(newsUrl);
    await loadAll(page);
    await page.locator('backstory-box .tg').click(); // render the details too
    await page.waitForFunction(() => document.querySelector('backstory-box')?.shadowRoot?.querySelector('.tg')?.getAttribute('aria-expanded') === 'true');
    await painted(page);

    const violations: string[] = [];
    for (const frame of page.frames()) {
      violations.push(...((await frame.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])) as string[]));
    }
    expect(page.frames().length).toBe(3);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('moves nothing on the page while the box loads (layout shift 0)', async () => {
    // Tall enough that all three boxes are on screen while they load; the API answers only once the skeleton is up.
    const page = await open({ width: 1100, height: 4000 });
    let delayed = 0;
    let released = false;
    const held: Array<() => void> = [];
    await page.route((url) => url.origin === t.url && url.pathname === '/graphql', async (route) => {
      delayed++;
      if (!released) await new Promise<void>((resolve) => held.push(resolve));
      await route.continue();
    });
    await page.goto(newsUrl);
    await page.waitForFunction(() => !!document.querySelector('backstory-box')?.shadowRoot?.querySelector('.skel'));
    released = true;
    for (const release of held) release();
    await loadAll(page);
    await painted(page);
    const shifts = await page.evaluate(() => (window as unknown as { __takeShifts: () => unknown[] }).__takeShifts());
    expect(delayed).toBeGreaterThan(0);
    expect(shifts).toEqual([]);
  });

  it('measures the time from backstory.js starting to the box painted (median of 5 loads)', async () => {
    const samples: Array<{ fromScript: number; fromDefine: number; skeleton: number }> = [];
    for (let i = 0; i < 5; i++) {
      const page = await open({ width: 1100, height: 2000 });
      await page.goto(newsUrl);
      await waitForBox(page);
      await page.waitForFunction(() => (window as unknown as { __timing: { painted?: number } }).__timing.painted !== undefined);
      samples.push(
        await page.evaluate(() => {
          const timing = (window as unknown as { __timing: { defined: number; skeleton: number; painted: number } }).__timing;
          const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widgets/v1/backstory.js')) as PerformanceResourceTiming;
          return { fromScript: timing.painted - script.responseEnd, fromDefine: timing.painted - timing.defined, skeleton: timing.skeleton - script.responseEnd };
        }),
      );
      await page.context().close();
    }
    const ms = (n: number) => `${Math.round(n)} ms`;
    console.log(
      `[backstory] example news page, median of ${samples.length} cold loads: backstory.js downloaded -> box painted ${ms(median(samples.map((s) => s.fromScript)))}` +
        ` (element defined -> painted ${ms(median(samples.map((s) => s.fromDefine)))}; downloaded -> skeleton painted ${ms(median(samples.map((s) => s.skeleton)))})`,
    );
    expect(samples.every((s) => s.fromScript > 0)).toBe(true);
  }, 60_000);
});
