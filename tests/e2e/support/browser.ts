/**
 * Chromium for the browser tests: Debian's, driven by playwright-core (never a downloaded browser).
 * Without it the browser suites fail under CI=true and are skipped, loudly, anywhere else.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import { chromiumPath } from '../../setup/requirements';

export const CHROMIUM = chromiumPath();

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ChromiumOptions {
  /**
   * false: a browser with scripting off in every frame, set in the renderer itself. A context's
   * javaScriptEnabled: false is applied to a cross-origin iframe only once Playwright has attached to
   * its process, which can be after the frame's document was parsed with scripting on.
   */
  javaScript?: boolean;
}

export function launchChromium({ javaScript = true }: ChromiumOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: javaScript ? ARGS : [...ARGS, '--blink-settings=scriptEnabled=false'] });
}

/**
 * describe() when Chromium is there; a failing suite under CI=true when it is not; else a skip, which
 * the global setup has announced once for all browser suites.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, suite);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('has Chromium to run in', () => {
        throw new Error(`Chromium is not at ${CHROMIUM} (set CHROMIUM_PATH): the browser tests cannot run under CI=true`);
      });
    });
  } else {
    describe.skip(name, suite);
  }
}

/**
 * Chromium for the suite this is called in: launched before it, closed after it, and every
 * context opened through newContext() closed after each test.
 */
export function useChromium(options: ChromiumOptions = {}): { newContext(options?: BrowserContextOptions): Promise<BrowserContext> } {
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium(options);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newContext(options) {
      const context = await browser!.newContext(options);
      open.push(context);
      return context;
    },
  };
}
