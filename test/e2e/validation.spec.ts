import { creditCode, flipCheck, residentId } from './api';
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

test('resident ID and credit code check digits are flagged at the signer form as they are typed', async ({ page, server }) => {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await home.startTemplate();
  await wizard.expectLoaded();

  // A person: 身份证号. A number whose check digit is flipped is refused by its check digit, a good one clears.
  await wizard.fillSigner({ type: '个人', name: '王芳', organisation: '' });
  await expect(wizard.signerInput('creditCode')).toHaveCount(0);
  const id = residentId('11010519900307123');
  await wizard.signerInput('idNumber').fill(flipCheck(id));
  await expect(wizard.signerMessage('idNumber')).toHaveText('身份证号校验位不正确');
  await expect(wizard.signerInput('idNumber')).toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.signerInput('idNumber')).toHaveAccessibleDescription('身份证号校验位不正确');
  await wizard.signerInput('idNumber').fill(id.slice(0, 10));
  await expect(wizard.signerMessage('idNumber')).toContainText('18 位');
  await wizard.signerInput('idNumber').fill(id);
  await expect(wizard.signerMessage('idNumber')).toHaveText('18 位居民身份证号码');
  await expect(wizard.signerInput('idNumber')).not.toHaveAttribute('aria-invalid', 'true');

  // A company: 统一社会信用代码.
  await wizard.fillSigner({ type: '企业', name: '王芳', organisation: '宁波小鹿母婴用品店' });
  await expect(wizard.signerInput('idNumber')).toHaveCount(0);
  const code = creditCode('91330203MA2H4K7P1');
  await wizard.signerInput('creditCode').fill(flipCheck(code));
  await expect(wizard.signerMessage('creditCode')).toHaveText('统一社会信用代码校验位不正确');
  await wizard.signerInput('phone').fill('1380013');
  await expect(wizard.signerMessage('phone')).toHaveText('请输入有效的手机号码或座机号码');

  // The review lists both, each with a link that focuses the input.
  await wizard.goToStep('review');
  const missing = wizard.review.getByTestId('review-missing');
  await expect(missing.locator('[data-field-id="signer.creditCode"]')).toContainText('统一社会信用代码校验位不正确');
  await missing.locator('[data-field-id="signer.creditCode"]').getByRole('button', { name: '前往填写' }).click();
  await expect(wizard.signerInput('creditCode')).toBeFocused();
  await wizard.signerInput('creditCode').fill(code);
  await expect(wizard.signerMessage('creditCode')).toHaveText('营业执照上的 18 位代码');

  // Percent 150 at its blank, as typed.
  await wizard.goToStep('section-2');
  const percent = wizard.paper.locator('input[data-value-type="percent"]');
  await percent.fill('150');
  await expect(wizard.fieldError((await percent.getAttribute('aria-label')) ?? '')).toHaveText('百分比须在 0 到 100 之间');
  await wizard.expectSaved();
});
