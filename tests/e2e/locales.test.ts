/**
 * The standard snippet on partner pages in every kind of language declaration, served from another
 * origin: each page gets the box (never the fallback link), in its reader's words and direction.
 */
import type { Page } from 'playwright-core';
import { type TestApp, startApp } from '../setup/app';
import { addArabicEdition } from './fixtures/arabic-explainer';
import { waitForBox } from './support/box';
import { describeInBrowser, useChromium } from './support/browser';
import { type HostServer, startHostServer } from './support/host-server';
import { keepScreenshot } from './support/screenshots';

/** A page as partners write them: `lang` as given (null: no attribute at all), the snippet, nothing else. */
function partnerPage(api: string, lang: string | null, box = '<backstory-box explainer="what-is-isis-k"></backstory-box>'): string {
  const attribute = lang === null ? '' : ` lang="${lang}"`;
  return `<!doctype html><html${attribute}><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Partner</title>
<script async src="${api}/widgets/v1/backstory.js"></script></head><body style="max-width:640px"><p>Article text.</p>${box}</body></html>`;
}

interface Seen {
  fallback: boolean;
  question: string;
  toggle: string;
  dir: string;
  lang: string;
  contentLang: string | null;
}

function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const root = document.querySelector('backstory-box')!.shadowRoot!;
    const box = root.querySelector<HTMLElement>('.bs');
    return {
      fallback: !!root.querySelector('.fb'),
      question: root.querySelector('.q')?.textContent ?? '',
      toggle: root.querySelector('.tg')?.textContent ?? '',
      dir: box?.getAttribute('dir') ?? '',
      lang: box?.getAttribute('lang') ?? '',
      contentLang: root.querySelector('.head')?.getAttribute('lang') ?? null,
    };
  });
}

const ENGLISH = 'What is ISIS-K?';
const ARABIC = 'ما هو تنظيم داعش خراسان؟';

describeInBrowser('locale negotiation on partner pages (Chromium)', () => {
  const chromium = useChromium();
  let t: TestApp;
  let host: HostServer;

  beforeAll(async () => {
    t = await startApp('sqlite');
    await addArabicEdition(t);
    host = await startHostServer();
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await t?.close();
  });

  async function open(path: string, html: string): Promise<{ page: Page; requests: string[] }> {
    host.set(path, html);
    const context = await chromium.newContext({ locale: 'en-US', viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/graphql')) requests.push(request.url());
    });
    await page.goto(`${host.origin}${path}`);
    await waitForBox(page);
    return { page, requests };
  }

  it.each([
    ['en', ENGLISH, 'Show more', 'ltr', 'en'],
    ['en-US', ENGLISH, 'Show more', 'ltr', 'en-US'],
    ['en-GB', ENGLISH, 'Show more', 'ltr', 'en-GB'],
    ['en-IN', ENGLISH, 'Show more', 'ltr', 'en-IN'],
    ['ar-EG', ARABIC, 'عرض المزيد', 'rtl', 'ar-EG'],
    ['fr-CA', ENGLISH, 'Afficher plus', 'ltr', 'fr-CA'],
    ['pt-BR', ENGLISH, 'Show more', 'ltr', 'en-US'],
    ['zh-Hant-TW', ENGLISH, 'Show more', 'ltr', 'en-US'],
    ['', ENGLISH, 'Show more', 'ltr', 'en-US'],
    [null, ENGLISH, 'Show more', 'ltr', 'en-US'],
    ['en_US', ENGLISH, 'Show more', 'ltr', 'en-US'],
    ['12', ENGLISH, 'Show more', 'ltr', 'en-US'],
  ])('a page in lang=%j shows the box: %s, "%s", %s', async (lang, question, toggle, dir, uiTag) => {
    const { page, requests } = await open(`/lang-${lang ?? 'none'}/`, partnerPage(t.url, lang));
    expect(await seen(page)).toMatchObject({ fallback: false, question, toggle, dir, lang: uiTag });
    // One request, with the page's language as the platform spells it (or none it could read).
    expect(requests).toHaveLength(1);
    const locale = JSON.parse(new URL(requests[0]).searchParams.get('variables')!).locale;
    expect(locale).toBe({ en_US: 'en-US', '12': 'en-US', '': 'en-US' }[lang ?? ''] ?? (lang === null ? 'en-US' : lang));
  });

  it('marks English content inside a French box with its own language', async () => {
    const { page } = await open('/fr-box/', partnerPage(t.url, 'fr-CA'));
    expect((await seen(page)).contentLang).toBe('en');
    keepScreenshot('locale-fr-CA', await page.locator('backstory-box').screenshot());
  });

  it('takes the element’s own lang over the page’s', async () => {
    const { page } = await open('/element-lang/', partnerPage(t.url, 'en-US', '<backstory-box explainer="what-is-isis-k" lang="ar"></backstory-box>'));
    expect(await seen(page)).toMatchObject({ question: ARABIC, toggle: 'عرض المزيد', dir: 'rtl' });
    keepScreenshot('locale-ar-EG', await page.locator('backstory-box').screenshot());
  });

  it('asks again without a locale when the API refuses the one it was sent, and still renders', async () => {
    host.set('/refused/', partnerPage(t.url, 'en-US'));
    const context = await chromium.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const asked: Array<string | undefined> = [];
    // Stands in for an API that reads tags more strictly than this widget does.
    await page.route('**/graphql?*', async (route) => {
      const locale = JSON.parse(new URL(route.request().url()).searchParams.get('variables')!).locale;
      asked.push(locale);
      if (locale === undefined) return route.continue();
      await route.fulfill({
        status: 200,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
        body: JSON.stringify({ errors: [{ message: 'unknown locale', extensions: { code: 'BAD_USER_INPUT', argument: 'locale' } }], data: { contextBox: null } }),
      });
    });
    await page.goto(`${host.origin}/refused/`);
    await waitForBox(page);
    expect(asked).toEqual(['en-US', undefined]);
    expect(await seen(page)).toMatchObject({ fallback: false, question: ENGLISH, toggle: 'Show more' });
  });
});
