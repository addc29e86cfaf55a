/**
 * The WordPress plugin (integrations/wordpress/backstory) in a real WordPress: Debian's 6.1 on PHP 8.2
 * and MariaDB, served on its own origin (http://localhost:<port>) while Backstory answers on another
 * (http://127.0.0.1:<port>). One WordPress for the run; a Backstory on each database.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { createKey } from '../../api/store/key.store';
import { describeInBrowser, useChromium } from '../e2e/support/browser';
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { type WordPress, describeWithWordPress, startWordPress } from '../setup/wordpress';

const ISIS_K = 'what-is-isis-k';
const SCREENSHOTS = join(__dirname, 'screenshots');
const BLOCK = (slug: string, extra = '') => `<!-- wp:backstory/context-box {"explainer":"${slug}","title":"What is ISIS-K?"${extra}} /-->`;
const PARAGRAPH = (text: string) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`;

/** Kept for people to look at, in tests/wordpress/screenshots/ (nothing compares them). */
function keepScreenshot(name: string, png: Buffer): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, `${name}.png`), png);
}

describeWithWordPress('the Backstory WordPress plugin', () => {
  describeInBrowser('in Chromium', () => {
    let wp: WordPress;
    const chromium = useChromium();
    /** A signed-in administrator's cookies, signed in once through wp-login.php. */
    let adminState: Awaited<ReturnType<BrowserContext['storageState']>>;

    beforeAll(async () => {
      wp = await startWordPress();
      const context = await chromium.newContext();
      const page = await context.newPage();
      await page.goto(`${wp.url}/wp-login.php`);
      await page.fill('#user_login', wp.admin.user);
      await page.fill('#user_pass', wp.admin.password);
      await Promise.all([page.waitForURL(/\/wp-admin\/?$/), page.click('#wp-submit')]);
      adminState = await context.storageState();
      await context.close();
    }, 120_000);
    afterAll(async () => {
      const log = wp?.log() ?? '';
      await wp?.stop();
      // PHP's notices and warnings from the plugin are failures too.
      expect(log.split('\n').filter((line) => line.includes('/plugins/backstory/'))).toEqual([]);
    });

    const adminPage = async (): Promise<Page> => (await chromium.newContext({ storageState: adminState, viewport: { width: 1280, height: 900 } })).newPage();
    const readerPage = async (): Promise<Page> => (await chromium.newContext({ viewport: { width: 1000, height: 900 } })).newPage();
    /** A published post; answers its id and address. */
    const publish = (title: string, content: string): { id: number; url: string } =>
      wp.php(`$id = wp_insert_post(array('post_title' => ${JSON.stringify(title)}, 'post_content' => ${JSON.stringify(content)}, 'post_status' => 'publish'), true);
        if (is_wp_error($id)) { throw new Exception($id->get_error_message()); }
        return array('id' => $id, 'url' => get_permalink($id));`);
    /** The question the box in the page shows, once backstory.js has rendered it in its shadow root. */
    const boxQuestion = (page: Page) => page.locator('backstory-box').first().getByRole('heading').first();

    describe.each(databases)('with Backstory on %s', (database) => {
      let t: TestApp;
      let key: string;

      beforeAll(async () => {
        t = await startApp(database);
        key = (await createKey(t.app.db, { name: 'WordPress', role: 'editor' })).secret;
        wp.php(`delete_option('backstory_settings'); delete_transient('backstory_manifest'); return true;`);
      }, 60_000);
      afterAll(async () => {
        await t?.close();
      });

      it('saves its settings from Settings → Backstory, and Test connection reaches Backstory with the key', async () => {
        const page = await adminPage();
        await page.goto(`${wp.url}/wp-admin/options-general.php?page=backstory`);
        await page.fill('#backstory-api-url', t.url);
        await page.fill('#backstory-api-key', key);
        await page.selectOption('#backstory-variant', 'compact');
        await page.selectOption('#backstory-theme', 'light');
        await Promise.all([page.waitForURL(/settings-updated=true/), page.click('#submit')]);
        await page.getByText('Settings saved.').waitFor();
        expect(wp.php(`return get_option('backstory_settings');`)).toMatchObject({ api_url: t.url, api_key: key, variant: 'compact', theme: 'light' });
        // The key is write-only: the page never prints it back.
        expect(await page.inputValue('#backstory-api-key')).toBe('');
        expect(await page.content()).not.toContain(key);

        await Promise.all([page.waitForURL(/page=backstory$/), page.click('#backstory-test-connection')]);
        expect(await page.locator('#backstory-connection-result').textContent()).toBe(`Connected to Backstory at ${t.url}; the key may read drafts.`);

        // An empty key field keeps the saved key; a key Backstory refuses fails the test, saying so.
        wp.php(`$s = get_option('backstory_settings'); $s['api_key'] = 'bsk_wrong_key'; update_option('backstory_settings', $s); return true;`);
        await page.reload();
        await Promise.all([page.waitForURL(/page=backstory$/), page.click('#backstory-test-connection')]);
        expect(await page.locator('#backstory-connection-result').textContent()).toMatch(/^Backstory did not answer as expected: /);
        wp.php(`$s = get_option('backstory_settings'); $s['api_key'] = ${JSON.stringify(key)}; update_option('backstory_settings', $s); return true;`);
      }, 60_000);
    });
  });
});
