/**
 * Screenshots of the box, clipped to it, kept in tests/e2e/screenshots/ for people to look at. Every run
 * writes <name>.actual.png (ignored by git); <name>.png, the committed copy, is written when missing or
 * when UPDATE_SCREENSHOTS=1. Nothing is compared against the committed copies: fonts differ by machine.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(__dirname, '..', 'screenshots');

export function keepScreenshot(name: string, png: Buffer): void {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(join(SCREENSHOT_DIR, `${name}.actual.png`), png);
  const committed = join(SCREENSHOT_DIR, `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(committed)) writeFileSync(committed, png);
}

/**
 * Compares two PNGs pixel by pixel by decoding them in the browser (no image library needed). `page`
 * must allow data: images: use a blank page.
 */
export async function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<{ width: number; height: number; differing: number }> {
  return page.evaluate(
    async ([a64, b64]) => {
      const decode = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, canvas.width, canvas.height);
      };
      const [x, y] = await Promise.all([decode(a64), decode(b64)]);
      if (x.width !== y.width || x.height !== y.height) return { width: -1, height: -1, differing: Math.max(x.data.length, y.data.length) / 4 };
      let differing = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2] || x.data[i + 3] !== y.data[i + 3]) differing++;
      }
      return { width: x.width, height: x.height, differing };
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}
