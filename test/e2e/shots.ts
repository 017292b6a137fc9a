import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * A screenshot for a human to look at, only when PLEDGE_E2E_SCREENSHOTS names a folder. With `narrow`, the
 * same state is always checked at 640 CSS px (1280 px at 200 % zoom) for horizontal scrolling, and shot there too.
 */
export async function shot(page: Page, name: string, options: { fullPage?: boolean; narrow?: boolean } = {}): Promise<void> {
  const dir = process.env.PLEDGE_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}-1280.png`), fullPage: options.fullPage ?? false });
  if (!options.narrow) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 640, height: 800 });
  try {
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: `${name}: horizontal scrolling at 640 px` })
      .toBeLessThanOrEqual(0);
    if (dir) await page.screenshot({ path: join(dir, `${name}-640.png`), fullPage: true });
  } finally {
    if (size) await page.setViewportSize(size);
  }
}
