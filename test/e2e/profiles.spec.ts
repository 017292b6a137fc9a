import { api } from './api';
import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { WizardPage } from './pages/WizardPage';

test('a signer saved as a profile is offered in the next draft and fills the signer', async ({ page, server }) => {
  const home = new HomePage(page);
  const wizard = new WizardPage(page);
  await home.open(server.url);
  await home.startTemplate('ecommerce-service');
  await wizard.expectLoaded();
  const profiles = page.getByTestId('signer-profiles');
  await profiles.getByRole('button', { name: '保存为常用签署人' }).click();
  await expect(profiles).toContainText('请先填写承诺人姓名');

  await wizard.fillSigner({ type: '企业', name: '张伟', organisation: '杭州青禾网络科技有限公司' });
  await wizard.signerInput('phone').fill('13800138000');
  await wizard.signerInput('address').fill('杭州市西湖区文三路 90 号');
  await profiles.getByRole('button', { name: '保存为常用签署人' }).click();
  await expect(profiles).toContainText('已保存常用签署人“张伟”');
  // Saving the same merchant again updates its profile: one per merchant.
  await wizard.signerInput('phone').fill('13900139000');
  await profiles.getByRole('button', { name: '保存为常用签署人' }).click();
  await expect(profiles.getByRole('combobox', { name: '选择常用签署人' })).toHaveValue(/^p_/);
  await expect.poll(async () => (await api(page, server.origin, 'profiles.list', {})).map((p) => p.phone)).toEqual(['13900139000']);
  await wizard.expectSaved();

  // A second merchant on the same machine.
  await api(page, server.origin, 'profiles.save', { signer: { type: '个人', name: '王芳', idNumber: '11010519491231002X' } });

  await home.goHome();
  await home.startTemplate('food-safety');
  await wizard.expectLoaded();
  const select = page.getByTestId('signer-profiles').getByRole('combobox', { name: '选择常用签署人' });
  await expect(select.locator('option')).toHaveText(['（不使用常用签署人）', '王芳', '张伟（杭州青禾网络科技有限公司）']);
  await select.selectOption({ label: '张伟（杭州青禾网络科技有限公司）' });
  await expect(wizard.signerInput('name')).toHaveValue('张伟');
  await expect(wizard.signerInput('organisation')).toHaveValue('杭州青禾网络科技有限公司');
  await expect(wizard.signerInput('phone')).toHaveValue('13900139000');
  await expect(wizard.signerInput('address')).toHaveValue('杭州市西湖区文三路 90 号');
  await wizard.expectSaved();
  // The choice went into the draft: it is there after a reload.
  await page.reload();
  await wizard.expectLoaded();
  await expect(wizard.signerInput('name')).toHaveValue('张伟');
  await expect(wizard.signerInput('phone')).toHaveValue('13900139000');

  await select.selectOption({ label: '王芳' });
  await expect(page.locator('.signer-form').getByRole('radio', { name: '个人', exact: true })).toBeChecked();
  await expect(wizard.signerInput('idNumber')).toHaveValue('11010519491231002X');
  await expect(wizard.signerInput('organisation')).toHaveValue('');

  // Deleting the chosen profile asks first, then removes it (and its saved images) but keeps the form as filled.
  const profiles2 = page.getByTestId('signer-profiles');
  await profiles2.getByRole('button', { name: '删除', exact: true }).click();
  const confirm = page.getByTestId('delete-profile-dialog');
  await expect(confirm).toContainText('删除常用签署人“王芳”？');
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();
  expect((await api(page, server.origin, 'profiles.list', {})).map((p) => p.name).sort()).toEqual(['张伟', '王芳']);
  await profiles2.getByRole('button', { name: '删除', exact: true }).click();
  await confirm.getByRole('button', { name: '删除常用签署人' }).click();
  await expect(profiles2).toContainText('已删除常用签署人“王芳”');
  await expect(select.locator('option')).toHaveText(['（不使用常用签署人）', '张伟（杭州青禾网络科技有限公司）']);
  expect((await api(page, server.origin, 'profiles.list', {})).map((p) => p.name)).toEqual(['张伟']);
  await expect(wizard.signerInput('idNumber')).toHaveValue('11010519491231002X');
  await expect(profiles2.getByRole('button', { name: '删除', exact: true })).toHaveCount(0);
});
