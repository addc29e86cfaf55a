/**
 * The WordPress plugin (integrations/wordpress/backstory) in a real WordPress: Debian's 6.1 on PHP 8.2
 * and MariaDB, served on its own origin (http://localhost:<port>) while Backstory answers on another
 * (http://127.0.0.1:<port>). One WordPress for the run; a Backstory on each database.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { createKey } from '../../api/store/key.store';
import { describeInBrowser, useChromium } from '../e2e/support/browser';
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { type WordPress, describeWithWordPress, phpunit, startWordPress } from '../setup/wordpress';

const ISIS_K = 'what-is-isis-k';
const SCREENSHOTS = join(__dirname, 'screenshots');
const BLOCK = (slug: string, extra = '') => `<!-- wp:backstory/context-box {"explainer":"${slug}","title":"What is ISIS-K?"${extra}} /-->`;
const PARAGRAPH = (text: string) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`;

/** Every response the page got from the site, with its body when it is text. */
function watchTraffic(page: Page, origin: string): Array<{ url: string; text: string }> {
  const seen: Array<{ url: string; text: string }> = [];
  page.on('request', (request) => {
    if (request.url().startsWith(origin)) seen.push({ url: request.url(), text: `${JSON.stringify(request.headers())}${request.postData() ?? ''}` });
  });
  page.on('response', async (response) => {
    if (!response.url().startsWith(origin) || response.status() >= 300 && response.status() < 400) return;
    const text = await response.text().catch(() => '');
    seen.push({ url: response.url(), text: `${JSON.stringify(await response.allHeaders())}${text}` });
  });
  return seen;
}

/** Opens a sidebar panel; the editor remembers which are open per user, so it may be open already. */
async function openPanel(page: Page, title: string): Promise<void> {
  const toggle = page.locator('button.components-panel__body-toggle', { hasText: title });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** The block editor, loaded and without its welcome guide. */
async function editorReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as any).wp?.data?.select('core/editor')?.getCurrentPostId() && document.querySelector('.block-editor-block-list__layout'));
}

/**
 * Kept for people to look at, in tests/wordpress/screenshots/: <name>.actual.png every run (ignored by
 * git), <name>.png when missing or with UPDATE_SCREENSHOTS=1. Nothing compares them.
 */
function keepScreenshot(name: string, png: Buffer): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, `${name}.actual.png`), png);
  const committed = join(SCREENSHOTS, `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(committed)) writeFileSync(committed, png);
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

    /** The block editor loads some 200 files from php -S: give pages time on a busy machine. */
    const adminPage = async (): Promise<Page> => {
      const page = await (await chromium.newContext({ storageState: adminState, viewport: { width: 1280, height: 900 } })).newPage();
      page.setDefaultTimeout(60_000);
      return page;
    };
    const readerPage = async (): Promise<Page> => (await chromium.newContext({ viewport: { width: 1000, height: 900 } })).newPage();
    /** A published post; answers its id and address. */
    const publish = (title: string, content: string): { id: number; url: string } =>
      wp.php(`$id = wp_insert_post(array('post_title' => ${JSON.stringify(title)}, 'post_content' => ${JSON.stringify(content)}, 'post_status' => 'publish'), true);
        if (is_wp_error($id)) { throw new Exception($id->get_error_message()); }
        return array('id' => $id, 'url' => get_permalink($id));`);
    /** The question the box in the page shows, once backstory.js has rendered it in its shadow root. */
    const boxQuestion = (page: Page) => page.locator('backstory-box').first().getByRole('heading').first();

    it('passes its PHP unit tests (phpunit, inside this WordPress)', () => {
      const { status, output } = phpunit(wp);
      expect(output).toMatch(/OK \(\d+ tests, \d+ assertions\)/);
      expect(status).toBe(0);
    });

    describe.each(databases)('with Backstory on %s', (database) => {
      let t: TestApp;
      let key: string;

      beforeAll(async () => {
        t = await startApp(database);
        key = (await createKey(t.app.db, { name: 'WordPress', role: 'editor' })).secret;
        // What the settings page saves (its own test saves it again through the page).
        wp.php(`update_option('backstory_settings', array('api_url' => ${JSON.stringify(t.url)}, 'api_key' => ${JSON.stringify(key)}, 'variant' => 'compact', 'theme' => 'light', 'webhook_secret' => '')); delete_transient('backstory_manifest'); return true;`);
      }, 60_000);
      afterAll(async () => {
        await t?.close();
      });

      it('saves its settings from Settings → Backstory, and Test connection reaches Backstory with the key', async () => {
        const page = await adminPage();
        wp.php(`delete_option('backstory_settings'); return true;`);
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

      it('picks an explainer in the block editor through the plugin’s proxy, and publishes a post that shows the box', async () => {
        const page = await adminPage();
        const seen = watchTraffic(page, wp.url);
        await page.goto(`${wp.url}/wp-admin/post-new.php`, { waitUntil: 'domcontentloaded' });
        await editorReady(page);
        await page.evaluate(() => {
          const wp = (window as any).wp;
          wp.data.dispatch('core/editor').editPost({ title: 'What the Kabul attack means' });
          wp.data.dispatch('core/block-editor').insertBlocks([
            wp.blocks.createBlock('core/paragraph', { content: 'The group claimed the attack within hours.' }),
            wp.blocks.createBlock('backstory/context-box'),
          ]);
        });
        await page.fill('.backstory-picker__search input', 'Khorasan');
        const result = page.locator('.backstory-picker__result', { hasText: 'What is ISIS-K?' });
        await result.click();
        expect(await page.frameLocator('iframe.backstory-preview').getByRole('heading').first().textContent()).toBe('What is ISIS-K?');
        await page.locator('.wp-block-backstory-context-box').click();
        keepScreenshot('block-editor', await page.screenshot());

        const url = await page.evaluate(async () => {
          const wp = (window as any).wp;
          wp.data.dispatch('core/editor').editPost({ status: 'publish' });
          await wp.data.dispatch('core/editor').savePost();
          return wp.data.select('core/editor').getPermalink() as string;
        });
        const content = wp.php<string>(`return get_post(url_to_postid(${JSON.stringify(url)}))->post_content;`);
        expect(content).toContain(`<!-- wp:backstory/context-box {"explainer":"${ISIS_K}","title":"What is ISIS-K?"} /-->`);
        const reader = await readerPage();
        await reader.goto(url);
        expect(await boxQuestion(reader).textContent()).toBe('What is ISIS-K?');

        expect(seen.some((r) => r.url.includes('/backstory/v1/explainers?search=Khorasan'))).toBe(true);
        for (const r of seen) expect(r.text).not.toContain(key);
        expect(await page.evaluate(() => JSON.stringify((window as any).backstoryEditor))).not.toContain('bsk_');
      }, 180_000);

      it('keeps its proxy to signed-in editors: no answer without a session and the REST nonce', async () => {
        const search = await fetch(`${wp.url}/wp-json/backstory/v1/explainers?search=isis`);
        expect(search.status).toBe(401);
        const suggest = await fetch(`${wp.url}/wp-json/backstory/v1/suggestions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'ISKP' }) });
        expect(suggest.status).toBe(401);
        const cookies = adminState.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
        const withoutNonce = await fetch(`${wp.url}/wp-json/backstory/v1/imports`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies }, body: JSON.stringify({ post: 1 }) });
        expect(withoutNonce.status).toBe(401);
        for (const answer of [search, suggest, withoutNonce]) expect(await answer.text()).not.toContain(key);
      });

      it('suggests the ISIS-K box for a post about ISKP, and inserts it after the paragraph of the first mention', async () => {
        const draft = wp.php<number>(`return wp_insert_post(array('post_title' => 'Airport attack', 'post_status' => 'draft', 'post_content' => ${JSON.stringify(
          [PARAGRAPH('Officials blamed ISKP for the attack on the airport.'), PARAGRAPH('The Taliban said they would hunt down those responsible.'), PARAGRAPH('Western officials had warned of an attack by ISKP for days.')].join('\n\n'),
        )}));`);
        const page = await adminPage();
        const seen = watchTraffic(page, wp.url);
        await page.goto(`${wp.url}/wp-admin/post.php?post=${draft}&action=edit`, { waitUntil: 'domcontentloaded' });
        await editorReady(page);
        await openPanel(page, 'Suggested boxes');
        await page.getByRole('button', { name: 'Find mentions' }).click();
        const suggestions = page.locator('.backstory-suggestions li');
        await suggestions.first().waitFor();
        expect(await suggestions.allTextContents()).toEqual([expect.stringMatching(/^What is ISIS-K\?“ISKP”, first mentioned in the post/)]);
        await page.getByRole('button', { name: 'Insert “What is ISIS-K?”' }).click();
        const blocks = await page.evaluate(() => (window as any).wp.data.select('core/block-editor').getBlocks().map((b: any) => [b.name, b.attributes.explainer ?? null]));
        expect(blocks).toEqual([['core/paragraph', null], ['backstory/context-box', ISIS_K], ['core/paragraph', null], ['core/paragraph', null]]);
        expect(await page.frameLocator('iframe.backstory-preview').getByRole('heading').first().textContent()).toBe('What is ISIS-K?');
        keepScreenshot('suggested-boxes', await page.screenshot());
        for (const r of seen) expect(r.text).not.toContain(key);

        // Send to Backstory: the saved post becomes a draft explainer there.
        await page.evaluate(() => (window as any).wp.data.dispatch('core/editor').savePost());
        await openPanel(page, 'Send to Backstory');
        await page.locator('.backstory-send button.is-secondary', { hasText: 'Send to Backstory' }).click();
        const link = page.locator('.backstory-draft-link');
        await link.waitFor();
        const slug = (await link.textContent())!;
        const { body } = await t.gql('query($slug: String!) { explainer(slug: $slug, preview: true) { status sections { text } } }', { slug }, { authorization: `Bearer ${key}` });
        expect(body.data.explainer.status).toBe('DRAFT');
        expect(body.data.explainer.sections.map((x: { text: string }) => x.text).join('\n')).toContain('Officials blamed ISKP for the attack on the airport.');
        expect(wp.php(`return json_decode(get_post_meta(${draft}, '_backstory_draft', true), true)['slug'];`)).toBe(slug);
      }, 180_000);

      it('renders a post with the block as the box, loading backstory.js once, pinned by the manifest’s integrity', async () => {
        const post = publish('Kabul airport attack', [PARAGRAPH('The attack was claimed by the group.'), BLOCK(ISIS_K), PARAGRAPH('Officials said more attacks were possible.'), BLOCK(ISIS_K, ',"variant":"full"')].join('\n\n'));
        const manifest = (await (await fetch(`${t.url}/widgets/v1/manifest.json`)).json()) as { file: string; integrity: string };
        const page = await readerPage();
        await page.goto(post.url);
        const scripts = page.locator('script[src*="/widgets/"]');
        expect(await scripts.count()).toBe(1);
        expect(await scripts.getAttribute('src')).toBe(`${t.url}/widgets/${manifest.file}`);
        expect(await scripts.getAttribute('integrity')).toBe(manifest.integrity);
        expect(await scripts.getAttribute('crossorigin')).toBe('anonymous');
        expect(await scripts.getAttribute('async')).not.toBeNull();
        const boxes = page.locator(`backstory-box[explainer="${ISIS_K}"]`);
        expect(await boxes.count()).toBe(2);
        expect(await boxes.nth(0).getAttribute('variant')).toBe('compact');
        expect(await boxes.nth(1).getAttribute('variant')).toBe('full');
        // Site default from the settings: light.
        expect(await boxes.nth(0).getAttribute('theme')).toBe('light');
        expect(await boxQuestion(page).textContent()).toBe('What is ISIS-K?');
        keepScreenshot('published-post', await page.screenshot());
      }, 60_000);

      it('reserves the box’s space before backstory.js runs: the manifest’s stylesheet, or the reserve rule inline', async () => {
        const post = publish('Reserve', BLOCK(ISIS_K));
        const manifest = (await (await fetch(`${t.url}/widgets/v1/manifest.json`)).json()) as { css?: { file: string; integrity: string } };
        const html = await (await fetch(post.url)).text();
        const head = html.slice(0, html.indexOf('</head>'));
        if (manifest.css) {
          expect(head).toContain(`href='${t.url}/widgets/${manifest.css.file}'`);
          expect(head).toContain(`integrity="${manifest.css.integrity}" crossorigin="anonymous"`);
        } else {
          expect(head).toContain('backstory-box:not(:defined){display:block;font-size:medium;min-block-size:calc(12.75em + 2px)}');
        }
      });

      it('renders the shortcode in classic content as the box', async () => {
        const post = publish('Classic', `<p>Background:</p>\n\n[backstory explainer="${ISIS_K}" variant="full" theme="dark"]\n\n[backstory explainer="Not a slug!"]`);
        const page = await readerPage();
        await page.goto(post.url);
        const boxes = page.locator('backstory-box');
        expect(await boxes.count()).toBe(1);
        expect(await boxes.getAttribute('variant')).toBe('full');
        expect(await boxes.getAttribute('theme')).toBe('dark');
        expect(await boxQuestion(page).textContent()).toBe('What is ISIS-K?');
        expect(await page.content()).not.toContain('[backstory');
      }, 60_000);

      it('turns an explainer URL on its own line into the box, through Backstory’s oEmbed', async () => {
        const post = publish('Pasted', `<p>Read this first:</p>\n\n${t.url}/explainers/${ISIS_K}\n\n<p>And then the rest.</p>`);
        const page = await readerPage();
        await page.goto(post.url);
        const frame = page.locator('iframe[data-backstory]');
        expect(await frame.getAttribute('src')).toBe(`${t.url}/embed/explainers/${ISIS_K}`);
        expect(await page.frameLocator('iframe[data-backstory]').getByRole('heading').first().textContent()).toBe('What is ISIS-K?');
      }, 60_000);

      it('accepts a webhook signed with the secret: clears the caches of the posts that embed the explainer and says so', async () => {
        const secret = `whsec_${randomBytes(24).toString('base64')}`;
        wp.php(`$s = get_option('backstory_settings'); $s['webhook_secret'] = ${JSON.stringify(secret)}; update_option('backstory_settings', $s); delete_option('backstory_test_changes'); return true;`);
        const block = publish('Embeds by block', BLOCK(ISIS_K));
        const shortcode = publish('Embeds by shortcode', `[backstory explainer="${ISIS_K}"]`);
        const pasted = publish('Embeds by URL', `${t.url}/explainers/${ISIS_K}`);
        const other = publish('Embeds another', `[backstory explainer="${ISIS_K}-2"]`);
        wp.php(`delete_option('backstory_test_cleaned'); return true;`);

        const body = JSON.stringify({ type: 'explainer.corrected', timestamp: new Date().toISOString(), data: { id: 'RXhwbGFpbmVyOjE=', slug: ISIS_K, locale: 'en', release: 3, url: `${t.url}/explainers/${ISIS_K}`, surrogateKeys: ['explainer:1'] } });
        const send = (headers: Record<string, string>, payload = body) => fetch(`${wp.url}/wp-json/backstory/v1/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
        const signed = (id: string, at = new Date(), key = secret, payload = body) => ({ 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(key).sign(id, at, payload) });

        const first = `msg_${randomBytes(8).toString('hex')}`;
        const accepted = await send(signed(first));
        expect(accepted.status).toBe(200);
        const answer = (await accepted.json()) as { posts: number[] };
        expect(answer.posts).toEqual(expect.arrayContaining([block.id, shortcode.id, pasted.id]));
        expect(answer.posts).not.toContain(other.id);
        const changes = wp.php(`return get_option('backstory_test_changes');`);
        expect(changes).toEqual([{ type: 'explainer.corrected', data: JSON.parse(body).data, posts: answer.posts }]);
        expect(wp.php<number[]>(`return get_option('backstory_test_cleaned');`).sort()).toEqual([...answer.posts].sort());

        // A signature among several, as while a secret is rotated, verifies too; a retry of a handled id is acknowledged, not redone.
        const rotated = signed(`msg_${randomBytes(8).toString('hex')}`);
        rotated['webhook-signature'] = `v1,${randomBytes(32).toString('base64')} ${rotated['webhook-signature']}`;
        expect((await send(rotated)).status).toBe(200);
        expect(await (await send(signed(first))).json()).toMatchObject({ duplicate: true });
        expect(wp.php(`return count(get_option('backstory_test_changes'));`)).toBe(2);
      }, 60_000);

      it('refuses with 401 a webhook with a bad signature, another key’s, a stale timestamp or none, and does nothing', async () => {
        wp.php(`delete_option('backstory_test_changes'); return true;`);
        const secret = wp.php<string>(`return get_option('backstory_settings')['webhook_secret'];`);
        const body = JSON.stringify({ type: 'explainer.published', timestamp: new Date().toISOString(), data: { id: 'x', slug: ISIS_K, locale: 'en', release: 1, url: '', surrogateKeys: [] } });
        const send = (headers: Record<string, string>, payload = body) => fetch(`${wp.url}/wp-json/backstory/v1/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
        const signed = (id: string, at = new Date(), key = secret, payload = body) => ({ 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(key).sign(id, at, payload) });

        const tampered = signed('msg_a');
        tampered['webhook-signature'] = tampered['webhook-signature'].replace(/.(?==*$)/, (c) => (c === 'A' ? 'B' : 'A'));
        const refused = [
          await send(tampered),
          await send(signed('msg_b', new Date(), `whsec_${randomBytes(24).toString('base64')}`)),
          await send(signed('msg_c', new Date(Date.now() - 6 * 60_000))),
          await send(signed('msg_d'), body.replace('published', 'unpublished')),
          await send({}),
        ];
        expect(refused.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
        expect(await refused[0].json()).toMatchObject({ code: 'backstory_webhook_unverified' });
        expect(wp.php(`return get_option('backstory_test_changes', 'none');`)).toBe('none');
      });
    });
  });
});
