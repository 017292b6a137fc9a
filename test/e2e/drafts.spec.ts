import { api, currentDraftId } from './api';
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

test('drafts can be searched, sorted, duplicated for another shop, and deleted with an undo', async ({ page, server }) => {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  // Three drafts of two templates, set up through the API.
  const make = async (templateId: string, name: string, organisation: string): Promise<string> => {
    const { id } = await api(page, server.origin, 'drafts.create', { templateId });
    await api(page, server.origin, 'drafts.update', { id, signer: { type: '企业', name, organisation } });
    return id;
  };
  const a = await make('ecommerce-service', '张伟', '杭州青禾网络科技有限公司');
  const b = await make('food-safety', '李娜', '宁波小鹿食品店');
  const c = await make('ecommerce-service', '赵强', '温州海鲜干货行');
  await page.reload();
  await expect(home.draftRows).toHaveCount(3);
  // Most recently changed first.
  await expect(home.draftRows.first()).toHaveAttribute('data-draft-id', c);

  await home.searchDrafts('小鹿', 1);
  await expect(home.draftRows.first()).toHaveAttribute('data-draft-id', b);
  await home.searchDrafts('赵强', 1);
  await home.searchDrafts('网店经营', 2);
  await home.searchDrafts('没有这个商户', 0);
  await expect(page.getByTestId('drafts-empty')).toContainText('没有与“没有这个商户”匹配的草稿');
  await home.searchDrafts('', 3);

  await home.sort().selectOption({ label: '标题' });
  const titles = await home.draftRows.locator('.cell-title').allInnerTexts();
  expect(titles).toEqual([...titles].sort((x, y) => x.localeCompare(y)));
  await home.sort().selectOption({ label: '创建时间' });
  await expect(home.draftRows.first()).toHaveAttribute('data-draft-id', c);
  await expect(home.draftRows.last()).toHaveAttribute('data-draft-id', a);

  // 复制: the copy opens at the signer step with the same answers, ready for another shop.
  await home.duplicateDraft(a);
  await wizard.expectLoaded();
  expect(await wizard.currentStep()).toBe('intro');
  const copy = await currentDraftId(page);
  expect(copy).not.toBe(a);
  await expect(wizard.signerInput('organisation')).toHaveValue('杭州青禾网络科技有限公司');
  await wizard.signerInput('organisation').fill('杭州青禾二号店');
  await wizard.expectSaved();
  await home.goHome();
  await expect(home.draftRows).toHaveCount(4);
  await expect(home.draftRow(copy)).toContainText('张伟');

  // 删除, then 撤销 in the toast.
  await home.deleteDraft(b);
  await expect(home.draftRow(b)).toHaveCount(0);
  await expect(home.toast()).toContainText('已删除“食品经营者食品安全承诺书”');
  await home.toast().getByRole('button', { name: '撤销' }).click();
  await expect(home.draftRow(b)).toBeVisible();
  await expect(home.toast()).toHaveCount(0);
  // Deleted without undo, it stays gone (it is in the trash on the host).
  await home.deleteDraft(c);
  await expect(home.draftRow(c)).toHaveCount(0);
  await page.reload();
  await expect(home.draftRows).toHaveCount(3);
  expect((await api(page, server.origin, 'drafts.get', { id: c })).deletedAt).not.toBeNull();
});
