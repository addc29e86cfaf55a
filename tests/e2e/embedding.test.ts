/**
 * The box on a partner's page, in real Chromium: the three ways to embed it, the keyboard, themes and
 * right-to-left. Backstory and the partner site run on different origins.
 */
import type { Page } from 'playwright-core';
import { type TestApp, startApp } from '../setup/app';
import { addArabicEdition } from './fixtures/arabic-explainer';
import { DARK_BACKGROUND, LIGHT_BACKGROUND, boxTheme, focusedInBox, settled, tabTo, waitForBox, waitForFrameBox } from './support/box';
import { describeInBrowser, useChromium } from './support/browser';
import { type HostServer, plainPage, serveNewsPage, startHostServer } from './support/host-server';
import { keepScreenshot } from './support/screenshots';

describeInBrowser('embedding a box (Chromium)', () => {
  const chromium = useChromium();
  let t: TestApp;
  let host: HostServer;
  let newsUrl: string;

  beforeAll(async () => {
    t = await startApp('sqlite');
    await addArabicEdition(t);
    host = await startHostServer();
    newsUrl = await serveNewsPage(host, t.url);
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await t?.close();
  });

  async function open(url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await chromium.newContext({ viewport: { width: 1100, height: 900 }, colorScheme });
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  describe('on the example news page', () => {
    it('renders as the <backstory-box> custom element', async () => {
      const page = await open(newsUrl);
      await waitForBox(page);
      expect(await page.locator('backstory-box .q').textContent()).toBe('What is ISIS-K?');
      expect(await page.locator('backstory-box .sum').textContent()).toContain('Islamic State Khorasan Province');
    });

    it('renders as an <iframe data-backstory> to the embed page', async () => {
      const page = await open(newsUrl);
      const frame = await waitForFrameBox(page, '.embed-iframe iframe');
      expect(new URL(frame.url()).origin).toBe(t.url);
      expect(await frame.locator('.q').textContent()).toBe('What is ISIS-K?');
    });

    it('renders through the html of the oEmbed answer', async () => {
      const page = await open(newsUrl);
      const iframe = page.locator('.embed-oembed iframe');
      expect(await iframe.getAttribute('data-backstory')).toBe('');
      expect(await iframe.getAttribute('title')).toBe('Backstory: What is ISIS-K?');
      const frame = await waitForFrameBox(page, '.embed-oembed iframe');
      expect(await frame.locator('.q').textContent()).toBe('What is ISIS-K?');
    });

    it('expands and collapses the box and a section from the keyboard (Tab, Enter, Space)', async () => {
      const page = await open(newsUrl);
      await waitForBox(page);
      const toggle = page.locator('backstory-box .tg');
      const section = page.locator('backstory-box .disc').last();
      const panel = page.locator(`backstory-box [id="${await section.getAttribute('aria-controls')}"]`);

      await tabTo(page, 'tg');
      await page.keyboard.press('Enter');
      expect(await focusedInBox(page)).toBe('tg');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await toggle.textContent()).toBe('Show less');
      expect(await page.locator('backstory-box .more').isVisible()).toBe(true);

      // The details it revealed come before the toggle: one Shift+Tab reaches the last section's button.
      await page.keyboard.press('Shift+Tab');
      expect(await focusedInBox(page)).toBe('disc');
      expect(await section.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
      expect(await panel.isVisible()).toBe(false);
      await page.keyboard.press('Space');
      expect(await section.getAttribute('aria-expanded')).toBe('true');
      expect(await panel.isVisible()).toBe(true);
      await page.keyboard.press('Space');
      expect(await section.getAttribute('aria-expanded')).toBe('false');
      expect(await panel.isVisible()).toBe(false);

      await page.keyboard.press('Tab');
      expect(await focusedInBox(page)).toBe('tg');
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('backstory-box .more').isVisible()).toBe(false);
    });

    it('follows the page’s theme switch (data-theme on <html>) over the reader’s preference', async () => {
      const page = await open(newsUrl, 'light');
      await waitForBox(page);
      expect(await boxTheme(page)).toEqual({ theme: 'light', background: LIGHT_BACKGROUND });
      await page.locator('#theme-toggle').click(); // automatic -> dark
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await settled(() => boxTheme(page), { theme: 'dark', background: DARK_BACKGROUND })).toEqual({ theme: 'dark', background: DARK_BACKGROUND });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.locator('#theme-toggle').click(); // dark -> light, while the reader prefers dark
      expect(await settled(() => boxTheme(page), { theme: 'light', background: LIGHT_BACKGROUND })).toEqual({ theme: 'light', background: LIGHT_BACKGROUND });
      await page.locator('#theme-toggle').click(); // light -> automatic: the reader's dark again
      expect(await settled(() => boxTheme(page), { theme: 'dark', background: DARK_BACKGROUND })).toEqual({ theme: 'dark', background: DARK_BACKGROUND });
    });
  });

  describe('themes', () => {
    const page3 = (api: string) =>
      plainPage({
        script: api,
        body: ['light', 'dark', 'auto'].map((theme) => `<div id="${theme}"><backstory-box explainer="what-is-isis-k" theme="${theme}"></backstory-box></div>`).join(''),
      });

    it('paints theme="light" and theme="dark" as asked, whatever the reader prefers', async () => {
      host.set('/themes', page3(t.url));
      for (const scheme of ['light', 'dark'] as const) {
        const page = await open(`${host.origin}/themes`, scheme);
        await waitForBox(page, '#light backstory-box');
        await waitForBox(page, '#dark backstory-box');
        expect(await boxTheme(page, '#light backstory-box')).toEqual({ theme: 'light', background: LIGHT_BACKGROUND });
        expect(await boxTheme(page, '#dark backstory-box')).toEqual({ theme: 'dark', background: DARK_BACKGROUND });
        if (scheme === 'light') {
          keepScreenshot('light', await page.locator('#light backstory-box').screenshot());
          keepScreenshot('dark', await page.locator('#dark backstory-box').screenshot());
        }
        await page.context().close();
      }
    });

    it('paints theme="auto" (the default) as the reader prefers, and follows a change', async () => {
      host.set('/themes', page3(t.url));
      const page = await open(`${host.origin}/themes`, 'dark');
      await waitForBox(page, '#auto backstory-box');
      expect(await boxTheme(page, '#auto backstory-box')).toEqual({ theme: 'dark', background: DARK_BACKGROUND });
      await page.emulateMedia({ colorScheme: 'light' });
      expect(await settled(() => boxTheme(page, '#auto backstory-box'), { theme: 'light', background: LIGHT_BACKGROUND })).toEqual({ theme: 'light', background: LIGHT_BACKGROUND });
    });

    it('follows a dark class on <html>', async () => {
      host.set('/themes', page3(t.url));
      const page = await open(`${host.origin}/themes`, 'light');
      await waitForBox(page, '#auto backstory-box');
      await page.evaluate(() => document.documentElement.classList.add('dark'));
      expect(await settled(() => boxTheme(page, '#auto backstory-box'), { theme: 'dark', background: DARK_BACKGROUND })).toEqual({ theme: 'dark', background: DARK_BACKGROUND });
    });
  });

  describe('right-to-left', () => {
    /** Where the accent stripe, the heading and the two footer controls sit, relative to the box. */
    const geometry = (page: Page) =>
      page.evaluate(() => {
        const root = document.querySelector('backstory-box')!.shadowRoot!;
        const box = root.querySelector<HTMLElement>('.bs')!;
        const rect = (sel: string) => root.querySelector(sel)!.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        const style = getComputedStyle(box);
        return {
          dir: box.dir,
          lang: box.lang,
          stripe: { left: style.borderLeftWidth, right: style.borderRightWidth },
          heading: { fromLeft: Math.round(rect('.q').left - b.left), fromRight: Math.round(b.right - rect('.q').right) },
          toggle: { fromLeft: Math.round(rect('.tg').left - b.left), fromRight: Math.round(b.right - rect('.tg').right) },
          link: { fromLeft: Math.round(rect('.fl').left - b.left), fromRight: Math.round(b.right - rect('.fl').right) },
          question: root.querySelector('.q')!.textContent,
          toggleText: root.querySelector('.tg')!.textContent,
        };
      });

    it('mirrors the box for right-to-left content on a right-to-left page', async () => {
      const box = '<div id="box"><backstory-box explainer="what-is-isis-k"></backstory-box></div>';
      host.set('/ltr', plainPage({ script: t.url, body: box }));
      host.set('/rtl', plainPage({ script: t.url, body: box, lang: 'ar', dir: 'rtl' }));

      const ltrPage = await open(`${host.origin}/ltr`);
      await waitForBox(ltrPage);
      const ltr = await geometry(ltrPage);
      await ltrPage.context().close();

      const page = await open(`${host.origin}/rtl`);
      await waitForBox(page);
      const rtl = await geometry(page);
      keepScreenshot('rtl', await page.locator('backstory-box').screenshot());

      expect(ltr).toMatchObject({ dir: 'ltr', lang: 'en', stripe: { left: '4px', right: '1px' }, question: 'What is ISIS-K?' });
      expect(rtl).toMatchObject({ dir: 'rtl', lang: 'ar', stripe: { left: '1px', right: '4px' }, question: 'ما هو تنظيم داعش خراسان؟', toggleText: 'عرض المزيد' });
      // Each position from the start edge in one is the position from the end edge in the other.
      expect(rtl.heading.fromRight).toBe(ltr.heading.fromLeft);
      expect(rtl.toggle.fromRight).toBe(ltr.toggle.fromLeft);
      expect(rtl.link.fromLeft).toBe(ltr.link.fromRight);
      expect(rtl.toggle.fromLeft).toBeGreaterThan(rtl.link.fromLeft);
    });
  });
});
