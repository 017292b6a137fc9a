import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { WizardPage } from './pages/WizardPage';

test('an out-of-range percentage is flagged at the blank in Chinese, and a valid one clears it', async ({ page, server }) => {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await home.startTemplate();
  await wizard.expectLoaded();

  // Walk the steps until one has a percent blank.
  const steps = await wizard.stepKeys();
  let percent = wizard.paper.locator('input[data-value-type="percent"]').first();
  for (const key of steps) {
    await wizard.goToStep(key);
    if ((await percent.count()) > 0) break;
  }
  await expect(percent, 'the built-in template has a percent blank').toHaveCount(1);
  const label = (await percent.getAttribute('aria-label')) ?? '';
  percent = wizard.blank(label);

  await percent.fill('150');
  await expect(wizard.fieldError(label)).toHaveText('百分比须在 0 到 100 之间');
  await expect(percent).toHaveAttribute('aria-invalid', 'true');
  await expect(percent).toHaveAccessibleDescription('百分比须在 0 到 100 之间');

  await percent.fill('abc');
  await expect(wizard.fieldError(label)).toHaveText('请输入 0 到 100 之间的数字');

  await percent.fill('5');
  await expect(wizard.fieldError(label)).toHaveCount(0);
  await expect(percent).not.toHaveAttribute('aria-invalid', 'true');
  await wizard.expectSaved();
});

test('signing with a blank left empty names it and jumps to its step', async ({ page, server }) => {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await home.startTemplate();
  await wizard.expectLoaded();
  await wizard.fillSigner({ type: '企业', name: '李娜', organisation: '' });
  await wizard.goToStep('sign');
  await wizard.drawSignatures();
  await wizard.finalize();

  const problems = page.locator('.sign-problems');
  await expect(problems).toContainText('还有内容需要补充');
  const first = problems.locator('li').first();
  await expect(first).toContainText('此处必填');
  await first.getByRole('button', { name: '前往填写' }).click();
  expect(await wizard.currentStep()).not.toBe('sign');
});
