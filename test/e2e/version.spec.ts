import { api, currentDraftId, saveNewVersion } from './api';
import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { WizardPage } from './pages/WizardPage';

test('a draft of an older template version shows the changed clauses and moves to the new version', async ({ page, server }) => {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await home.startTemplate('ecommerce-service');
  await wizard.expectLoaded();
  const draftId = await currentDraftId(page);
  await expect(wizard.versionBanner).toHaveCount(0);
  await wizard.goToStep('section-1');
  await wizard.blanks().first().fill('5');
  await wizard.confirmAllClauses();
  await wizard.goToStep('section-5');
  const lastBlank = wizard.blanks().last();
  const lastLabel = (await lastBlank.getAttribute('aria-label')) ?? '';
  await lastBlank.fill('3');
  await wizard.expectSaved();
  const before = await api(page, server.origin, 'drafts.get', { id: draftId });

  const { version, droppedFields } = await saveNewVersion(page, server.origin, 'ecommerce-service');
  expect(droppedFields).toHaveLength(1);
  await page.reload();
  await wizard.expectLoaded();
  await expect(wizard.versionBanner).toContainText('此模板有新版本');

  await wizard.versionBanner.getByRole('button', { name: '查看变更' }).click();
  const changes = page.getByTestId('clause-changes');
  await expect(changes.locator('[data-clause="1.2"]')).toHaveAttribute('data-change', 'changed');
  await expect(changes.locator('[data-clause="1.2"] ins')).toContainText('并在商品详情页注明生产日期');
  await expect(changes.locator('[data-clause="1.2"] del')).toContainText('不作虚假或者引人误解的宣传');
  await expect(changes.locator('[data-clause="1.3"]')).toHaveAttribute('data-change', 'removed');
  await expect(changes.locator('[data-clause="1.4"]')).toHaveAttribute('data-change', 'added');
  await expect(changes.locator('[data-clause="5.2"]')).toHaveAttribute('data-change', 'removed');

  await wizard.versionBanner.getByRole('button', { name: '迁移到新版本' }).click();
  const notice = page.getByTestId('migration-notice');
  await expect(notice).toContainText(`已迁移到新版本 ${version.slice(0, 8)}`);
  await expect(notice.getByTestId('dropped-answers')).toContainText(`${lastLabel}：3`);
  await expect(wizard.versionBanner).toHaveCount(0);

  const after = await api(page, server.origin, 'drafts.get', { id: draftId });
  expect(after.templateVersion).toBe(version);
  expect(after.newerVersion).toBeNull();
  expect(after.templateVersion).not.toBe(before.templateVersion);

  // The wizard now walks the new version: 1.4 is there, 1.3 is gone; the unchanged 1.1 keeps its answer and
  // its confirmation, the reworded 1.2 must be confirmed again.
  await wizard.goToStep('section-1');
  await expect(wizard.paper.locator('[data-clause="1.4"]')).toContainText('在店铺首页公示客服联系方式');
  await expect(wizard.paper.locator('[data-clause="1.3"]')).toHaveCount(0);
  await expect(wizard.blanks().first()).toHaveValue('5');
  await expect(wizard.ackBox('1.1')).toBeChecked();
  await expect(wizard.ackBox('1.2')).not.toBeChecked();
  await wizard.goToStep('section-5');
  await expect(wizard.blank(lastLabel)).toHaveCount(0);
});
