/**
 * Live boxes on a partner's page, in real Chromium: a release published through the API reaches every
 * open box without a reload, in place. Backstory and the partner site run on different origins.
 */
import type { Page } from 'playwright-core';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';
import { focusedInBox, settled, tabTo, waitForBox } from './support/box';
import { describeInBrowser, useChromium } from './support/browser';
import { type HostServer, plainPage, serveNewsPage, startHostServer } from './support/host-server';
import { keepScreenshot } from './support/screenshots';

const SLUG = 'what-is-isis-k';
const BOXES = 'backstory-box';

describeInBrowser('live boxes (Chromium)', () => {
  const chromium = useChromium();
  let t: TestApp;
  let refusing: TestApp;
  let host: HostServer;

  beforeAll(async () => {
    t = await startApp('sqlite');
    // A Backstory that refuses every stream, as one holding LIVE_MAX_CONNECTIONS would.
    refusing = await startApp('sqlite', { liveMaxConnections: 0 });
    host = await startHostServer();
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await refusing?.close();
    await t?.close();
  });

  const correct = async (app: TestApp, text: string) => {
    const keys = await keysFor(app);
    const x = (await ok(app, `{ explainer(slug: "${SLUG}", preview: true) { id version } }`, {}, keys.editor)).explainer;
    await ok(app, 'mutation($x: ID!, $v: Int!, $text: String!) { addCorrection(explainer: $x, expectedVersion: $v, text: $text) { text } }', { x: x.id, v: x.version, text }, keys.publisher);
  };

  /** What each box on the page shows: its correction texts (shown or not), its status line, and whether its corrections are visible. */
  const boxes = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('backstory-box')].map((el) => {
        const root = el.shadowRoot!;
        return {
          corrections: [...root.querySelectorAll('.cor')].map((c) => c.textContent),
          status: root.querySelector('[role=status]')?.textContent ?? null,
        };
      }),
    );

  /** Starts summing layout shifts not caused by input, from now on (the page's own load is not counted). */
  const watchShifts = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { shifts: number[] };
      w.shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) w.shifts.push(entry.value);
        }
      }).observe({ type: 'layout-shift' });
    });
  const shifts = (page: Page) => page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);

  /** The partner page with two boxes, loaded; `streams` lists the statuses of the live streams it opened. */
  async function twoBoxPage(api: string, path: string): Promise<{ page: Page; streams: number[] }> {
    host.set(
      path,
      plainPage({
        script: api,
        width: 900,
        body: `<h1>Partner story</h1><p><input id="search" aria-label="Search"></p>
          <backstory-box explainer="${SLUG}"></backstory-box>
          <p>The story goes on between the boxes.</p>
          <backstory-box explainer="${SLUG}" variant="full"></backstory-box>
          <p style="block-size:2000px">And after them.</p>`,
      }),
    );
    const context = await chromium.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const streams: number[] = [];
    page.on('response', (response) => response.url().includes('/live/v1/events') && streams.push(response.status()));
    await page.goto(`${host.origin}${path}`);
    await waitForBox(page);
    await waitForBox(page, 'backstory-box:last-of-type');
    // The stream opens once the boxes have loaded; the API follows it from when it answered.
    await settled(async () => streams.length, 1);
    return { page, streams };
  }

  it('shows a correction in both boxes within 2 s, without a reload, moving nothing, keeping focus and open sections', async () => {
    const { page, streams } = await twoBoxPage(t.url, '/live/two-boxes');
    expect(streams).toEqual([200]);
    const pageLoads: string[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && pageLoads.push(frame.url()));

    // The reader opened the full box's first section and is on the compact box's "Show more" button.
    const firstSection = page.locator('backstory-box:last-of-type .disc').first();
    await firstSection.click();
    expect(await firstSection.getAttribute('aria-expanded')).toBe('true');
    await page.locator('#search').focus();
    await tabTo(page, 'tg');
    // Past the 500 ms in which a shift counts as caused by the reader's input.
    await page.waitForTimeout(600);
    await watchShifts(page);
    const before = await boxes(page);
    expect(before.map((b) => b.status)).toEqual(['', '']);

    await correct(t, 'The second blast was at the Abbey Gate, not near a hotel.');
    const started = Date.now();
    const correction = 'Correction The second blast was at the Abbey Gate, not near a hotel.';
    const after = await settled(
      async () => (await boxes(page)).map((b) => ({ shows: b.corrections.includes(correction), status: b.status })),
      [
        { shows: true, status: 'Updated just now' },
        { shows: true, status: 'Updated just now' },
      ],
      2_000,
    );
    const elapsed = Date.now() - started;
    expect(after).toEqual([
      { shows: true, status: 'Updated just now' },
      { shows: true, status: 'Updated just now' },
    ]);
    console.log(`[e2e] a correction reached both boxes ${elapsed} ms after the publish answered`);

    expect(pageLoads).toEqual([]);
    expect(await shifts(page)).toEqual([]);
    expect(await focusedInBox(page)).toBe('tg');
    expect(await firstSection.getAttribute('aria-expanded')).toBe('true');
    // The full box shows the correction; the compact one has it behind "Show more", where it always goes.
    expect(await page.locator('backstory-box:last-of-type .cor').last().isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('backstory-box:first-of-type .cor').last().isVisible()).toBe(true);
    // One stream served both boxes, and the update opened no other.
    expect(streams).toEqual([200]);

    keepScreenshot('live-updated', await page.locator('backstory-box:first-of-type').screenshot());
  }, 30_000);

  it('opens one stream for all the boxes on the page, and none before a box comes near the viewport', async () => {
    host.set(
      '/live/below-the-fold',
      plainPage({
        script: t.url,
        body: `<p style="block-size:3000px">A long story.</p>
          <backstory-box explainer="${SLUG}"></backstory-box><backstory-box explainer="${SLUG}" variant="full"></backstory-box>`,
      }),
    );
    const context = await chromium.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const streams: string[] = [];
    page.on('request', (request) => request.url().includes('/live/v1/events') && streams.push(request.url()));
    await page.goto(`${host.origin}/live/below-the-fold`);
    await page.waitForFunction(() => !!(window as unknown as { Backstory?: unknown }).Backstory);
    await page.waitForTimeout(500);
    expect(streams).toEqual([]);
    await waitForBox(page);
    await waitForBox(page, 'backstory-box:last-of-type');
    expect(await settled(async () => streams.length, 1)).toBe(1);
    expect(new URL(streams[0]).searchParams.getAll('explainer')).toEqual([SLUG]);
  });

  it('when the API refuses the stream (503), refetches the boxes each time the page is shown again', async () => {
    const { page, streams } = await twoBoxPage(refusing.url, '/live/refused');
    expect(streams).toEqual([503]);
    await correct(refusing, 'Seen once the page is shown again.');
    await page.waitForTimeout(500);
    expect((await boxes(page)).map((b) => b.status)).toEqual(['', '']);
    // The reader switches to another tab and back.
    await page.evaluate(() => {
      const show = (hidden: boolean) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
        document.dispatchEvent(new Event('visibilitychange'));
      };
      show(true);
      show(false);
    });
    const seen = await settled(async () => (await boxes(page)).map((b) => b.status), ['Updated just now', 'Updated just now']);
    expect(seen).toEqual(['Updated just now', 'Updated just now']);
    expect((await boxes(page))[1].corrections).toContain('Correction Seen once the page is shown again.');
  }, 30_000);

  it('updates the box of the example news page, under its strict Content-Security-Policy', async () => {
    const newsUrl = await serveNewsPage(host, t.url);
    const context = await chromium.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => message.text().includes('Content Security Policy') && violations.push(message.text()));
    await page.goto(newsUrl);
    await waitForBox(page);
    await page.waitForTimeout(300);
    await correct(t, 'Corrected while the news page was open.');
    const status = await settled(() => page.evaluate(() => document.querySelector('backstory-box')!.shadowRoot!.querySelector('[role=status]')!.textContent), 'Updated just now');
    expect(status).toBe('Updated just now');
    expect(violations).toEqual([]);
  }, 30_000);
});
