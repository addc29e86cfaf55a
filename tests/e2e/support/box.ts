import type { Frame, Page } from 'playwright-core';

/** Resolves once the <backstory-box> matched by selector shows a loaded box (not the skeleton). */
export async function waitForBox(page: Page, selector = 'backstory-box'): Promise<void> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => !!document.querySelector(sel)?.shadowRoot?.querySelector('.bs:not(.skel)'), selector);
}

/**
 * Resolves once the iframe matched by selector has loaded the embed page, its stylesheets included
 * (the noscript one is what makes the box read without JavaScript), and shows its box.
 */
export async function waitForFrameBox(page: Page, selector: string): Promise<Frame> {
  const iframe = page.locator(selector);
  await iframe.scrollIntoViewIfNeeded();
  const handle = await iframe.elementHandle();
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error(`${selector} has no frame`);
  await frame.waitForLoadState('load');
  await frame.waitForSelector('.bs');
  return frame;
}

/**
 * Resolves after the page has painted twice more. Chromium routes a click into a cross-origin iframe by
 * hit-test data that the compositor refreshes on paint; a click sent just after the frame was resized
 * can land on the host page instead of the box.
 */
export async function painted(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** The loaded box's theme as painted: its root's class and computed background. */
export function boxTheme(page: Page, selector = 'backstory-box'): Promise<{ theme: string; background: string }> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)!.shadowRoot!.querySelector<HTMLElement>('.bs')!;
    return { theme: root.classList.contains('dark') ? 'dark' : 'light', background: getComputedStyle(root).backgroundColor };
  }, selector);
}

export const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';
export const DARK_BACKGROUND = 'rgb(28, 29, 34)';

/** Class of the element focused inside the first box's shadow root, or null when focus is elsewhere. */
export function focusedInBox(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.activeElement;
    return host?.tagName === 'BACKSTORY-BOX' ? (host.shadowRoot?.activeElement?.className ?? null) : null;
  });
}

/** Presses Tab until focus lands on the element with this class inside the box (at most `limit` times). */
export async function tabTo(page: Page, className: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedInBox(page)) === className) return;
  }
  throw new Error(`Tab never reached .${className} in the box`);
}

/** Polls fn until its value equals expected (as JSON) or timeout passes; returns the last value for expect(). */
export async function settled<T>(fn: () => Promise<T>, expected: T, timeout = 5000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await fn();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await fn();
  }
  return value;
}
