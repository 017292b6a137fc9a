import { opensslIdentity } from '../support/openssl-identities';
import { pdfsig } from '../support/pdf-signature-tools';
import { removeTempDirs } from '../support/temp-dir';
import { api, currentDraftId } from './api';
import { expect, test } from './fixtures';
import { finalizeAndFetch, reachSignStep } from './sign-step';

test.afterAll(removeTempDirs);

test('a .p12 uploaded with its password signs the PDF (pdfsig: valid); a wrong password is refused in Chinese and keeps the draft', async ({ page, server }) => {
  const identity = opensslIdentity({ subject: '/C=CN/O=杭州青禾网络科技有限公司/CN=张伟', passphrase: 'qinghe-2026' });
  const wizard = await reachSignStep(page, server.url);
  await wizard.drawSignatures();

  const digital = page.getByTestId('digital-signature');
  await digital.getByRole('checkbox', { name: '数字签名（可选）' }).check();
  await digital.getByRole('radio', { name: '使用已有证书文件（.p12/.pfx）' }).check();
  await digital.locator('input[type="file"]').setInputFiles({ name: '张伟.p12', mimeType: 'application/x-pkcs12', buffer: Buffer.from(identity.p12) });
  await expect(page.getByTestId('digital-ready')).toContainText('已选择证书文件“张伟.p12”');

  // A wrong password: the Chinese message on the sign step, and the draft still open with everything in it.
  await digital.getByLabel('证书密码', { exact: true }).fill('not-the-password');
  await wizard.finalize();
  await expect(page.locator('.sign-problems')).toContainText('证书密码不正确');
  const draftId = await currentDraftId(page);
  const draft = await api(page, server.origin, 'drafts.get', { id: draftId });
  expect(draft.status).toBe('open');
  expect(draft.signer?.name).toBe('张伟');
  expect(await api(page, server.origin, 'archive.list', {})).toEqual([]);

  // The right password, without drawing again: signed, archived, and the PDF signature checks out.
  await digital.getByLabel('证书密码', { exact: true }).fill('qinghe-2026');
  const pdf = await finalizeAndFetch(page, wizard);
  const result = pdfsig(pdf);
  expect(result.raw).toContain('Signature is Valid.');
  expect(result.signatures).toHaveLength(1);
  expect(result.signatures[0]?.commonName).toBe('张伟');
  expect(result.signatures[0]?.totalDocument).toBe(true);
  expect((await api(page, server.origin, 'drafts.get', { id: draftId })).status).not.toBe('open');
});
