/**
 * Chromium for the browser tests: Debian's, driven by playwright-core (never a downloaded browser).
 * Without it the browser suites fail under CI=true and are skipped, loudly, anywhere else.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** describe() when Chromium is there; a failing suite under CI=true when it is not; else a loud skip. */
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
    console.warn(`\n[backstory] Chromium is not at ${CHROMIUM}: the browser tests "${name}" are SKIPPED. Install Debian's chromium or set CHROMIUM_PATH.\n`);
    describe.skip(name, suite);
  }
}

/**
 * Chromium for the suite this is called in: launched before it, closed after it, and every
 * context opened through newContext() closed after each test.
 */
export function useChromium(): { newContext(options?: BrowserContextOptions): Promise<BrowserContext> } {
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
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
