/**
 * axe-core finds nothing wrong with the box in either theme, collapsed or opened up, nor with the
 * explainer and embed pages. axe is injected as an inline script, which the embed and explainer pages'
 * own CSP would refuse: those two checks bypass CSP, the box is checked on a plain page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type TestApp, startApp } from '../setup/app';
import { addArabicEdition } from './fixtures/arabic-explainer';
import { waitForBox } from './support/box';
import { describeInBrowser, useChromium } from './support/browser';
import { type HostServer, plainPage, startHostServer } from './support/host-server';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/**
 * Runs axe (every rule, best practices included, unless `skip` says otherwise) over `include` or the whole
 * page, and returns the violations trimmed for a readable failure.
 */
async function axe(page: Page, include?: string[][], skip: string[] = []): Promise<Array<Pick<Violation, 'id' | 'impact' | 'help'> & { targets: unknown[] }>> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const rules = Object.fromEntries(skip.map((id) => [id, { enabled: false }]));
  const violations = (await page.evaluate(
    async ([context, options]) =>
      (await (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe.run(context ?? document, options)).violations,
    [include ? { include } : null, { rules }] as const,
  )) as Violation[];
  return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
}

describeInBrowser('accessibility, checked by axe-core (Chromium)', () => {
  const chromium = useChromium();
  let t: TestApp;
  let host: HostServer;

  beforeAll(async () => {
    t = await startApp('sqlite');
    await addArabicEdition(t);
    host = await startHostServer();
    host.set(
      '/boxes',
      plainPage({
        script: t.url,
        body: `<main><h1>A partner's article</h1>${['light', 'dark']
          .map((theme) => `<div id="${theme}"><backstory-box explainer="what-is-isis-k" theme="${theme}"></backstory-box></div>`)
          .join('')}</main>`,
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await t?.close();
  });

  async function open(url: string, options: { bypassCSP?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
    const context = await chromium.newContext({ viewport: { width: 1100, height: 900 }, ...options });
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  it.each(['light', 'dark'])('finds no violations in the %s box, collapsed and with every part opened', async (theme) => {
    const page = await open(`${host.origin}/boxes`);
    const box = `#${theme} backstory-box`;
    await waitForBox(page, box);
    expect(await axe(page, [[box]])).toEqual([]);

    await page.locator(`${box} .tg`).click();
    for (const button of await page.locator(`${box} .disc`).all()) await button.click();
    expect(await page.locator(`${box} .sec-b`).first().isVisible()).toBe(true);
    expect(await axe(page, [[box]])).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('finds no violations on the explainer page, %s', async (colorScheme) => {
    const page = await open(`${t.url}/explainers/what-is-isis-k`, { bypassCSP: true, colorScheme });
    await page.locator('details.embed summary').click();
    expect(await axe(page)).toEqual([]);
  });

  it('finds no violations on the Arabic explainer page', async () => {
    const page = await open(`${t.url}/explainers/what-is-isis-k?locale=ar`, { bypassCSP: true });
    expect(await axe(page)).toEqual([]);
  });

  it.each(['light', 'dark'])('finds no violations on the %s embed page', async (theme) => {
    const page = await open(`${t.url}/embed/explainers/what-is-isis-k?theme=${theme}&variant=full`, { bypassCSP: true });
    await page.waitForFunction(() => document.querySelector('.disc') !== null);
    for (const button of await page.locator('.disc').all()) await button.click();
    // The page is a fragment of its host's page: the host has the <main> and the <h1>, the box a region and an <h2>.
    expect(await axe(page, undefined, ['landmark-one-main', 'page-has-heading-one'])).toEqual([]);
  });
});
