import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { WizardPage } from './pages/WizardPage';

/** How far the page scrolls sideways (0 when nothing is wider than the window). */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('at 200 % zoom (640×400 CSS pixels) no screen scrolls sideways and the steps still work', async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  try {
    await home.open(server.url);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await home.startTemplate('ecommerce-service');
    await wizard.expectLoaded();
    await wizard.fillSigner({ type: '企业', name: '张伟', organisation: '杭州青禾网络科技有限公司' });
    await wizard.signerInput('creditCode').fill('91330203MA2H4K7P1X');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    for (const key of ['section-2', 'section-3', 'review', 'sign']) {
      await wizard.goToStep(key);
      if (key === 'section-3') {
        await wizard.paper.locator('input[data-value-type="money"]').fill('123456789.12');
        await wizard.blanks().first().fill('abc');
        await expect(wizard.paper.locator('.field-error')).toHaveText('请输入数字');
        await page.locator('[data-action="preview"]').click();
        await expect(wizard.preview).toBeVisible();
      }
      expect(await sideways(page), `sideways scrolling on ${key}`).toBeLessThanOrEqual(0);
    }
    await wizard.expectSaved();
    await home.goHome();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
  } finally {
    await context.close();
  }
});
