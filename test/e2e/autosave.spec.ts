import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { WizardPage } from './pages/WizardPage';

test('a failed save says so, keeps the typed value, and succeeds on retry', async ({ page, server }) => {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await home.startTemplate();
  await wizard.expectLoaded();
  await wizard.next();
  await wizard.expectSaved();

  // The core is unreachable for a moment: every drafts.update answers 500.
  await page.route('**/api/drafts.update', (route) => route.fulfill({ status: 500, body: 'down' }));
  const input = wizard.blanks().first();
  const label = (await input.getAttribute('aria-label')) ?? '';
  await input.fill('3');
  await expect(wizard.saveStatus).toContainText('保存失败：');
  await expect(wizard.saveStatus).toHaveAttribute('data-save-state', 'error');
  await expect(input).toHaveValue('3');

  // Back again: the automatic retry stores the value without any action from the user.
  await page.unroute('**/api/drafts.update');
  await expect(wizard.saveStatus).toHaveAttribute('data-save-state', 'saved', { timeout: 20_000 });
  await page.reload();
  await wizard.expectLoaded();
  await expect(wizard.blank(label)).toHaveValue('3');
});

test('a value typed just before a reload is not lost', async ({ page, server }) => {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await home.startTemplate();
  await wizard.expectLoaded();
  await wizard.next();
  await wizard.expectSaved();

  const input = wizard.blanks().first();
  const label = (await input.getAttribute('aria-label')) ?? '';
  // No wait for "已保存": the pending save is flushed (keepalive) as the page unloads.
  await input.fill('7');
  await page.reload();
  await wizard.expectLoaded();
  await expect(wizard.blank(label)).toHaveValue('7');
});
