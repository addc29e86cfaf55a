/**
 * The GraphQL explorer runs from Backstory's own origin: no request leaves it, nothing its policy
 * blocks, and a query typed into it is answered by the API.
 */
import { type TestApp, startApp } from '../setup/app';
import { describeInBrowser, useChromium } from './support/browser';

describeInBrowser('the GraphQL explorer (Chromium)', () => {
  const chromium = useChromium();
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp('sqlite', { explorer: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads from our origin alone, breaks no rule of its Content-Security-Policy, and runs a query', async () => {
    const context = await chromium.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const violations: string[] = [];
    const errors: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text().slice(0, 200));
    });
    page.on('pageerror', (error) => errors.push(error.message));
    context.on('request', (request) => {
      if (new URL(request.url()).origin !== t.url && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    const introspected = page.waitForResponse((response) => response.url() === `${t.url}/graphql` && response.request().postData()?.includes('__schema') === true);
    const response = await page.goto(`${t.url}/explorer`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
    expect((await introspected).status()).toBe(200);

    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // Monaco closes brackets and quotes as they are typed; Escape closes its suggestions.
    await page.keyboard.type('{ entity(name: "ISKP") { name status');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Enter');
    await page.locator('.graphiql-response').getByText('Islamic State Khorasan Province').first().waitFor({ timeout: 15_000 });

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    expect(elsewhere).toEqual([]);
  }, 60_000);
});
