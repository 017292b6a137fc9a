import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { api, currentDraftId, saveNewVersion } from './api';
import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { WizardPage } from './pages/WizardPage';

/**
 * Screenshots for a human to look at (1280×800 and 200 % zoom): only when PLEDGE_E2E_SCREENSHOTS names a
 * folder. Each state is also checked for horizontal scrolling at 200 %.
 */
const shots = process.env.PLEDGE_E2E_SCREENSHOTS;

/** The same session in a 640×400 window at device scale 2: what 1280×800 at 200 % zoom shows. */
async function zoomed(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addCookies(await page.context().cookies());
  const storage = await page.evaluate(() => ({ session: JSON.stringify(sessionStorage), local: JSON.stringify(localStorage) }));
  await context.addInitScript((s) => {
    for (const [k, v] of Object.entries(JSON.parse(s.session) as Record<string, string>)) sessionStorage.setItem(k, v);
    for (const [k, v] of Object.entries(JSON.parse(s.local) as Record<string, string>)) localStorage.setItem(k, v);
  }, storage);
  const zoomedPage = await context.newPage();
  await zoomedPage.goto(new URL('/', page.url()).toString());
  return zoomedPage;
}

async function both(browser: Browser, page: Page, name: string, prepare?: (p: Page) => Promise<void>, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(shots as string, `${name}-1280.png`), fullPage });
  const small = await zoomed(browser, page);
  if (prepare) await prepare(small);
  await small.waitForTimeout(300);
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: horizontal scrolling at 200 %`).toBeLessThanOrEqual(0);
  await small.screenshot({ path: join(shots as string, `${name}-200pct.png`) });
  await small.screenshot({ path: join(shots as string, `${name}-200pct-full.png`), fullPage: true });
  await small.context().close();
}

test('screenshots of the wizard, review, profiles, drafts, version banner and English mode', async ({ page, server, browser }) => {
  test.skip(!shots, 'set PLEDGE_E2E_SCREENSHOTS to a folder to take screenshots');
  test.setTimeout(120_000);
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await api(page, server.origin, 'profiles.save', { signer: { type: '企业', name: '张伟', organisation: '杭州青禾网络科技有限公司', phone: '13800138000' } });
  await home.startTemplate();
  await wizard.expectLoaded();
  await wizard.fillSigner({ type: '企业', name: '李娜', organisation: '宁波海曙小鹿母婴用品店' });
  await wizard.signerInput('creditCode').fill('91330203MA2XXXXX1X');
  await wizard.expectSaved();
  await both(browser, page, 'intro-profiles');

  await wizard.goToStep('section-3');
  const blanks = wizard.blanks();
  await blanks.nth(0).fill('7');
  await blanks.nth(1).fill('10');
  await blanks.nth(3).fill('20000.5');
  await wizard.ackBox('3.1').check();
  await wizard.ackBox('3.3').check();
  await wizard.expectSaved();
  await wizard.ackBox('3.1').hover();
  await both(browser, page, 'section-acks');

  await page.locator('[data-action="preview"]').click();
  await expect(wizard.preview).toBeVisible();
  await page.screenshot({ path: join(shots as string, 'preview-1280.png') });
  await page.locator('[data-action="preview"]').click();

  await wizard.goToStep('review');
  await both(browser, page, 'review-missing');
  await wizard.goToStep('section-2');
  await wizard.fillAllBlanks();
  await wizard.confirmAllClauses();
  await wizard.goToStep('review');
  await wizard.review.locator('[data-field-id]').first().getByRole('button').click();
  await expect(wizard.root).toHaveAttribute('data-step', 'intro');

  const draftId = await currentDraftId(page);
  await home.goHome();
  await both(browser, page, 'home-drafts', undefined, true);
  await home.deleteDraft(draftId);
  await expect(home.toast()).toContainText('已删除');
  await page.screenshot({ path: join(shots as string, 'home-toast-1280.png') });
  await home.toast().getByRole('button', { name: '撤销' }).click();
  await expect(home.draftRow(draftId)).toBeVisible();

  await saveNewVersion(page, server.origin, 'ecommerce-service');
  await home.draftRow(draftId).getByRole('button', { name: '继续填写' }).click();
  await wizard.expectLoaded();
  await expect(wizard.versionBanner).toBeVisible();
  await wizard.versionBanner.getByRole('button', { name: '查看变更' }).click();
  await expect(page.getByTestId('clause-changes')).toBeVisible();
  await both(browser, page, 'version-banner', async (p) => {
    await p.getByRole('button', { name: '查看变更' }).click();
  });

  await page.locator('.lang-switch [data-locale="en"]').click();
  await expect(page.locator('.wizard-aside')).toContainText('Back to home');
  await both(browser, page, 'english-wizard');
  await home.goHome();
  await both(browser, page, 'english-home', undefined, true);
  await page.locator('.lang-switch [data-locale="zh"]').click();

  // A complete draft: the review says 可以签署.
  const template = await api(page, server.origin, 'templates.get', { id: 'food-safety' });
  const { id } = await api(page, server.origin, 'drafts.create', { templateId: 'food-safety' });
  const values: Record<string, string | { option: string }> = {};
  for (const f of template.fields) {
    if (f.kind === 'choice') values[f.id] = { option: f.options?.[0] ?? '' };
    else if (f.kind === 'blank') values[f.id] = f.valueType === 'money' ? '5000' : f.valueType === 'text' ? '天猫' : '3';
  }
  const { clauseIndex } = await import('../../electron/shared/clause-index');
  const acks = Object.fromEntries(clauseIndex(template).map((c) => [c.key, true]));
  await api(page, server.origin, 'drafts.update', { id, values, acks, step: 'review', signer: { type: '个人', name: '王芳' } });
  await page.evaluate((draftId) => sessionStorage.setItem('pledge-desk:screen', JSON.stringify({ name: 'wizard', draftId })), id);
  await page.reload();
  await wizard.expectReadyToSign();
  await both(browser, page, 'review-ready');
  await page.locator('[data-action="preview"]').click();
  await wizard.goToStep('section-3');
  await page.screenshot({ path: join(shots as string, 'preview-section-3-1280.png') });
});
