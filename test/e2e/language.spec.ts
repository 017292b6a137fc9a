import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { WizardPage } from './pages/WizardPage';

test('English can be chosen in the header; the choice is remembered and the pledge text stays Chinese', async ({ page, server }) => {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#templates-heading')).toHaveText('选择承诺书模板');

  await page.locator('.lang-switch').getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(page.locator('#templates-heading')).toHaveText('Choose a pledge template');
  await expect(home.templateCard('ecommerce-service')).toContainText('5 sections');
  // Template titles are the pledge's own text: not translated.
  await expect(home.templateCard('ecommerce-service').locator('.template-title')).toHaveText('网店经营服务保障承诺书');

  await home.templateCard('ecommerce-service').getByRole('button', { name: 'Start' }).click();
  await wizard.expectLoaded();
  await expect(page.locator('.signer-form legend')).toHaveText('Signer details');
  await expect(page.locator('.signer-form').getByLabel('Signer name')).toBeVisible();
  await expect(page.getByTestId('wizard-step-of')).toHaveText('Step 1 of 8');
  await page.locator('.signer-form').getByLabel('Signer name').fill('Zhang Wei');
  await expect(wizard.saveStatus).toHaveText(/^Saved \d{2}:\d{2}:\d{2}$/);

  await wizard.goToStep('section-2');
  await expect(wizard.paper.locator('.section-heading')).toContainText('商品质量保障');
  await expect(wizard.ackBox('2.1').locator('xpath=ancestor::label')).toContainText('I have read and agree to this clause');
  const percent = wizard.paper.locator('input[data-value-type="percent"]');
  await percent.fill('150');
  await expect(wizard.paper.locator('.field-error')).toHaveText('A percentage must be between 0 and 100');
  await page.locator('[data-action="next"]').click();
  await expect(page.locator('[data-action="next"]')).toHaveText('Next');

  // Remembered after a reload; switching back restores Chinese.
  await page.reload();
  await wizard.expectLoaded();
  await expect(page.locator('.wizard-aside')).toContainText('Back to home');
  await page.locator('.lang-switch').getByRole('button', { name: '中文' }).click();
  await expect(page.locator('.wizard-aside')).toContainText('返回首页');
  await expect(page.getByTestId('wizard-step-of')).toHaveText('第 4 步，共 8 步');
});
