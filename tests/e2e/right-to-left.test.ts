/**
 * A Farsi edition of the ISIS-K explainer, written here through the editorial API as a newsroom would
 * (a translation of the English original, in its translation group), read end to end in Chromium on
 * partner pages of another origin: the edition a reader gets and its fallback, the box's own words in
 * the reader's language with no English first, the mirrored layout on right-to-left pages and elements,
 * English content isolated in its own direction, and our pages' dir, lang and hreflang.
 */
import type { Page } from 'playwright-core';
import { keysFor, ok } from '../setup/editorial';
import { attributes } from '../setup/html';
import { type TestApp, startApp } from '../setup/app';
import { waitForBox } from './support/box';
import { describeInBrowser, useChromium } from './support/browser';
import { type HostServer, startHostServer } from './support/host-server';
import { keepScreenshot } from './support/screenshots';

const FARSI = {
  title: 'داعش خراسان چیست؟',
  headline: 'داعش خراسان که مسئولیت انفجارهای فرودگاه کابل را پذیرفت چیست؟',
  summary:
    'ولایت خراسان داعش (ISIS-K) شاخه رسمی جنبش دولت اسلامی در افغانستان است. این گروه در ژانویه ۲۰۱۵ به دست اعضای پیشین طالبان پاکستان، طالبان افغانستان و جنبش اسلامی ازبکستان بنیان گذاشته شد و به گزارش شاخص جهانی تروریسم مؤسسه اقتصاد و صلح، تا سال ۲۰۱۸ به یکی از چهار سازمان تروریستی مرگبار جهان تبدیل شده بود.',
  section: 'در کوتاه‌مدت، به گفته امیره جدون و اندرو ماینز، داعش خراسان احتمالاً به تلاش برای ایجاد وحشت و هرج‌ومرج ادامه خواهد داد.',
};

/** Creates the Farsi edition as a translation of the English one, with one section, and publishes it. */
async function publishFarsiEdition(t: TestApp): Promise<void> {
  const keys = await keysFor(t);
  const english = (await ok(t, '{ explainer(slug: "what-is-isis-k") { id subject { id } } }', {}, keys.editor)).explainer;
  const created = (
    await ok(
      t,
      `mutation($input: CreateExplainerInput!) { createExplainer(input: $input) { id version locale } }`,
      {
        input: {
          slug: 'what-is-isis-k',
          locale: 'fa',
          title: FARSI.title,
          headline: FARSI.headline,
          summary: FARSI.summary,
          dateline: 'دهلی نو',
          subject: english.subject.id,
          translationOf: english.id,
        },
      },
      keys.editor,
    )
  ).createExplainer;
  const put = (
    await ok(
      t,
      'mutation($x: ID!, $v: Int!, $s: SectionInput!) { putSection(explainer: $x, expectedVersion: $v, section: $s) { version } }',
      { x: created.id, v: created.version, s: { slug: 'its-role', heading: 'نقش کنونی آن', blocks: [{ paragraph: { text: FARSI.section } }] } },
      keys.editor,
    )
  ).putSection;
  await ok(t, 'mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { status } }', { x: created.id, v: put.version }, keys.publisher);
}

/** A partner page: its html lang and dir as given, the README's snippet, nothing else. */
function partnerPage(api: string, { lang, dir, box = '<backstory-box explainer="what-is-isis-k"></backstory-box>' }: { lang: string; dir?: string; box?: string }): string {
  return `<!doctype html><html lang="${lang}"${dir ? ` dir="${dir}"` : ''}><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Partner</title>
<link rel="stylesheet" href="${api}/widgets/v1/backstory.css">
<script async src="${api}/widgets/v1/backstory.js"></script></head><body><main style="max-width:560px;margin:16px"><p>…</p>${box}</main></body></html>`;
}

interface Seen {
  question: string;
  toggle: string;
  dir: string;
  lang: string;
  head: { lang: string | null; dir: string | null; direction: string };
  /** Where the edge stripe is: the side with the 4px border. */
  stripe: 'left' | 'right' | 'none';
  /** Every text the toggle button had from the first render on. */
  toggles: string[];
}

function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const root = document.querySelector('backstory-box')!.shadowRoot!;
    const box = root.querySelector<HTMLElement>('.bs')!;
    const head = root.querySelector<HTMLElement>('.head')!;
    const style = getComputedStyle(box);
    const stripe = style.borderRightWidth === '4px' ? 'right' : style.borderLeftWidth === '4px' ? 'left' : 'none';
    return {
      question: root.querySelector('.q')?.textContent ?? '',
      toggle: root.querySelector('.tg')?.textContent ?? '',
      dir: box.getAttribute('dir') ?? '',
      lang: box.getAttribute('lang') ?? '',
      head: { lang: head.getAttribute('lang'), dir: head.getAttribute('dir'), direction: getComputedStyle(head).direction },
      stripe,
      toggles: (window as unknown as { __toggles: string[] }).__toggles,
    } as Seen;
  });
}

/** Records every text the box's toggle shows, from its first render: an English flash would be seen. */
function watchToggle(): void {
  const toggles: string[] = [];
  (window as unknown as { __toggles: string[] }).__toggles = toggles;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    new MutationObserver(() => {
      const text = root.querySelector('.tg')?.textContent;
      if (text && toggles[toggles.length - 1] !== text) toggles.push(text);
    }).observe(root, { childList: true, subtree: true, characterData: true });
    return root;
  };
}

describeInBrowser('a right-to-left edition and right-to-left pages, end to end (Chromium)', () => {
  const chromium = useChromium();
  let t: TestApp;
  let host: HostServer;

  beforeAll(async () => {
    t = await startApp('sqlite');
    await publishFarsiEdition(t);
    host = await startHostServer();
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await t?.close();
  });

  async function open(path: string, html: string): Promise<Page> {
    host.set(path, html);
    const context = await chromium.newContext({ locale: 'en-US', viewport: { width: 640, height: 900 }, colorScheme: 'light' });
    await context.addInitScript(watchToggle);
    const page = await context.newPage();
    await page.goto(`${host.origin}${path}`);
    await waitForBox(page);
    return page;
  }

  it('serves the Farsi edition to a Farsi reader and falls back to the English original for a language it lacks', async () => {
    const box = (locale: string) => t.gql('query($l: String) { contextBox(explainer: "what-is-isis-k", locale: $l) { locale direction question } }', { l: locale });
    expect((await box('fa-AF')).body.data.contextBox).toEqual({ locale: 'fa', direction: 'RTL', question: FARSI.title });
    expect((await box('ps-AF, fa;q=0.5')).body.data.contextBox).toEqual({ locale: 'fa', direction: 'RTL', question: FARSI.title });
    expect((await box('ps-AF')).body.data.contextBox).toEqual({ locale: 'en', direction: 'LTR', question: 'What is ISIS-K?' });
    const { explainer } = (await t.gql('{ explainer(slug: "what-is-isis-k", locale: "fa") { locale translations { locale } } }')).body.data;
    expect(explainer.translations.map((x: { locale: string }) => x.locale).sort()).toEqual(['en']);
  });

  it('a Farsi page: the Farsi edition in Farsi words, right to left, with no English before them', async () => {
    const page = await open('/fa/', partnerPage(t.url, { lang: 'fa', dir: 'rtl' }));
    const s = await seen(page);
    expect(s).toMatchObject({ question: FARSI.title, toggle: 'نمایش بیشتر', dir: 'rtl', lang: 'fa', stripe: 'right', head: { lang: null, dir: null, direction: 'rtl' } });
    expect(s.toggles).toEqual(['نمایش بیشتر']);
    keepScreenshot('rtl-fa', await page.locator('backstory-box').screenshot());
    await page.evaluate(() => document.querySelector('backstory-box')!.shadowRoot!.querySelector<HTMLElement>('.tg')!.click());
    // The key-fact table mirrors: labels on the right, values to their left.
    const table = await page.evaluate(() => {
      const row = document.querySelector('backstory-box')!.shadowRoot!.querySelector('.kf dl div')!;
      const [dt, dd] = [row.querySelector('dt')!.getBoundingClientRect(), row.querySelector('dd')!.getBoundingClientRect()];
      return { labelRight: dt.right, valueRight: dd.right, label: row.querySelector('dt')!.textContent };
    });
    expect(table.label).toBe('تأسیس');
    expect(table.labelRight).toBeGreaterThan(table.valueRight);
    keepScreenshot('rtl-fa-open', await page.locator('backstory-box').screenshot());
  });

  it('an English page with dir="rtl": the box is mirrored, its English words and content keep left to right', async () => {
    const page = await open('/en-rtl/', partnerPage(t.url, { lang: 'en', dir: 'rtl' }));
    expect(await seen(page)).toMatchObject({ question: 'What is ISIS-K?', toggle: 'Show more', dir: 'rtl', stripe: 'right', head: { dir: 'ltr', direction: 'ltr' } });
    keepScreenshot('rtl-en-page', await page.locator('backstory-box').screenshot());
  });

  it('dir="rtl" on the element alone mirrors it too; dir="ltr" on it keeps an Arabic page’s box left to right', async () => {
    let page = await open('/element-rtl/', partnerPage(t.url, { lang: 'en', box: '<backstory-box explainer="what-is-isis-k" dir="rtl"></backstory-box>' }));
    expect(await seen(page)).toMatchObject({ dir: 'rtl', stripe: 'right', toggle: 'Show more' });
    page = await open('/element-ltr/', partnerPage(t.url, { lang: 'fa', dir: 'rtl', box: '<backstory-box explainer="what-is-isis-k" dir="ltr"></backstory-box>' }));
    expect(await seen(page)).toMatchObject({ dir: 'ltr', stripe: 'left', toggle: 'نمایش بیشتر' });
  });

  it('an Urdu page: no Urdu edition, so the English original in Urdu words, its English isolated', async () => {
    const page = await open('/ur/', partnerPage(t.url, { lang: 'ur', dir: 'rtl' }));
    const s = await seen(page);
    expect(s).toMatchObject({ question: 'What is ISIS-K?', toggle: 'مزید دکھائیں', dir: 'rtl', lang: 'ur', stripe: 'right', head: { lang: 'en', dir: 'ltr', direction: 'ltr' } });
    expect(s.toggles).toEqual(['مزید دکھائیں']);
    keepScreenshot('rtl-ur', await page.locator('backstory-box').screenshot());
  });

  it('a Pashto page: neither edition nor words in Pashto, so English in both, mirrored by the page', async () => {
    const page = await open('/ps/', partnerPage(t.url, { lang: 'ps', dir: 'rtl' }));
    expect(await seen(page)).toMatchObject({ question: 'What is ISIS-K?', toggle: 'Show more', dir: 'rtl', stripe: 'right', head: { dir: 'ltr' } });
  });

  it('our pages set dir and lang from the edition, link each other with hreflang, and isolate key facts', async () => {
    const fa = await (await fetch(`${t.url}/explainers/what-is-isis-k?locale=fa`)).text();
    expect(attributes(fa, 'html')).toMatchObject({ lang: 'fa', dir: 'rtl' });
    expect(attributes(fa, 'link', { rel: 'alternate', hreflang: 'en' }).href).toBe(`${t.app.config.publicUrl}/explainers/what-is-isis-k`);
    expect(fa).toContain('<dt><bdi>تأسیس</bdi></dt>');
    const en = await (await fetch(`${t.url}/explainers/what-is-isis-k`)).text();
    expect(attributes(en, 'html')).toMatchObject({ lang: 'en', dir: 'ltr' });
    expect(attributes(en, 'link', { rel: 'alternate', hreflang: 'fa' }).href).toBe(`${t.app.config.publicUrl}/explainers/what-is-isis-k?locale=fa`);
    expect(en).toMatch(/<a href="[^"]+\?locale=fa" hreflang="fa" lang="fa" dir="rtl">/);
    const embed = await (await fetch(`${t.url}/embed/explainers/what-is-isis-k?locale=fa`)).text();
    expect(attributes(embed, 'html')).toMatchObject({ lang: 'fa', dir: 'rtl' });
    expect(embed).toContain('نمایش بیشتر');

    const page = await (await chromium.newContext({ viewport: { width: 900, height: 900 } })).newPage();
    await page.goto(`${t.url}/explainers/what-is-isis-k?locale=fa`);
    keepScreenshot('rtl-fa-page', await page.screenshot());
  });
});
