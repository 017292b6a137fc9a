import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { WizardPage } from './pages/WizardPage';

test('a draft left on the home screen resumes at its step with its values', async ({ page, server }) => {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  const title = await home.startTemplate();
  await wizard.expectLoaded();
  await wizard.fillSigner({ type: '个人', name: '王芳', organisation: '' });
  await wizard.goToStep('section-2');
  const filled = await wizard.fillAllBlanks();
  await wizard.expectSaved();

  await home.goHome();
  const row = home.draftRows.first();
  await expect(row).toContainText(title);
  await expect(row).toContainText('王芳');
  await expect(row).toContainText('填写中');
  // The intro's "承诺方类型" choice follows the signer type, so it counts as filled too.
  await expect(row).toContainText(`${filled.length + 1} / `);

  await home.resumeDraft(0);
  await wizard.expectLoaded();
  expect(await wizard.currentStep()).toBe('section-2');
  for (const blank of filled) await expect(wizard.blank(blank.label)).toHaveValue(blank.value);
  await wizard.goToStep('intro');
  await expect(page.locator('.signer-form').getByRole('radio', { name: '个人', exact: true })).toBeChecked();
  await expect(wizard.paper.locator('.choice').getByRole('radio', { name: '个人', exact: true })).toBeChecked();
});
