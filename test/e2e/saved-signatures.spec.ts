import type { Locator, Page } from '@playwright/test';
import { makeSignaturePng, pngDataUrl } from '../support/make-png';
import { makeSealPng } from '../support/make-seal-png';
import { makePdf } from '../support/stamp-fixtures';
import { api } from './api';
import { expect, test } from './fixtures';
import { SIGNER } from './journey';
import { HomePage } from './pages/HomePage';
import { finalizeAndFetch, imageCount, reachSignStep } from './sign-step';

/** Three mouse strokes across a signature pad. */
async function drawStrokes(page: Page, pad: Locator): Promise<void> {
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  for (const [y0, y1] of [[0.3, 0.7], [0.6, 0.4], [0.5, 0.5]] as const) {
    await page.mouse.move(box.x + 0.1 * box.width, box.y + y0 * box.height);
    await page.mouse.down();
    await page.mouse.move(box.x + 0.9 * box.width, box.y + y1 * box.height, { steps: 10 });
    await page.mouse.up();
  }
}

test('a drawn signature and a seal saved to the profile are reused with one click in the next pledge', async ({ page, server }) => {
  await new HomePage(page).open(server.url); // the API answers once the page has traded its token for the cookie
  const { id: profileId } = await api(page, server.origin, 'profiles.save', { signer: { ...SIGNER } });

  // First pledge: draw, upload a seal, save both to the profile.
  let wizard = await reachSignStep(page, server.url);
  await wizard.drawSignatures();
  const inputs = page.locator('.signature-input');
  const fields = await inputs.count();
  expect(fields).toBeGreaterThan(0);
  await inputs.first().getByRole('button', { name: '保存到此档案以便下次使用' }).click();
  await expect(inputs.first()).toContainText('已保存到“张伟”的档案');
  // Saved: the button gives way to the thumbnail, marked as the image in use.
  await expect(inputs.first().getByRole('button', { name: '保存到此档案以便下次使用' })).toHaveCount(0);
  await expect(inputs.first().getByRole('button', { name: /^使用.*（正在使用）$/ })).toBeVisible();

  const sealOption = page.getByTestId('seal-option');
  await page.getByLabel('上传公章图片').setInputFiles({ name: 'seal.png', mimeType: 'image/png', buffer: Buffer.from(makeSealPng(160)) });
  await expect(page.getByRole('img', { name: '公章预览' })).toBeVisible();
  await sealOption.getByRole('button', { name: '保存到此档案以便下次使用' }).click();
  await expect(sealOption).toContainText('已保存到“张伟”的档案');

  const saved = await api(page, server.origin, 'profiles.listAssets', { profileId });
  expect(saved.map((a) => a.kind).sort()).toEqual(['seal', 'signature']);
  const signature = saved.find((a) => a.kind === 'signature');
  expect(signature?.widthPx).toBeGreaterThan(100);
  const first = await finalizeAndFetch(page, wizard);
  expect(imageCount(first)).toBeGreaterThanOrEqual(2);

  // Second pledge: nothing drawn; one click per field on the saved signature, one on the saved seal.
  await new HomePage(page).goHome();
  wizard = await reachSignStep(page, server.url);
  for (let i = 0; i < fields; i++) {
    const input = inputs.nth(i);
    await input.getByTestId('saved-signatures').getByRole('button', { name: /^使用/ }).click();
    await expect(input.getByRole('radio', { name: '已保存' })).toBeChecked();
    await expect(input.getByTestId('saved-signature-preview')).toHaveAttribute('src', signature?.png ?? '');
  }
  await sealOption.getByTestId('saved-seals').getByRole('button', { name: /^使用/ }).click();
  await expect(page.getByRole('img', { name: '公章预览' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('saved-reused.png'), fullPage: true });
  const second = await finalizeAndFetch(page, wizard);
  expect(imageCount(second)).toBeGreaterThanOrEqual(2);

  // The profile still holds exactly the two images (reusing saves nothing new).
  expect(await api(page, server.origin, 'profiles.listAssets', { profileId })).toHaveLength(2);
});

test('without a saved profile the sign step offers no saving and says how to keep a signature', async ({ page, server }) => {
  await reachSignStep(page, server.url);
  await page.locator('.signature-input').first().locator('.segment', { hasText: '输入姓名' }).click();
  await expect(page.locator('.signature-input').first()).toContainText('保存为常用签署人后，可把签名和印章保存到档案');
  await expect(page.getByRole('button', { name: '保存到此档案以便下次使用' })).toHaveCount(0);
});

test('the stamping screen offers the chosen profile’s saved signature and seal, and saves a drawn one', async ({ page, server }) => {
  await new HomePage(page).open(server.url);
  const { id: profileId } = await api(page, server.origin, 'profiles.save', { signer: { type: '企业', name: '李娜', organisation: '宁波星海贸易有限公司' } });
  const signaturePng = pngDataUrl(makeSignaturePng(260, 90));
  const sealPng = pngDataUrl(makeSealPng(150));
  await api(page, server.origin, 'profiles.saveAsset', { profileId, kind: 'signature', label: '李娜签名', png: signaturePng });
  await api(page, server.origin, 'profiles.saveAsset', { profileId, kind: 'seal', png: sealPng });

  await page.getByRole('button', { name: '给已有 PDF 盖章' }).click();
  await page.getByTestId('stamp-file').setInputFiles({ name: '合作协议.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf([{}])) });
  await page.getByTestId('stamp-profile').selectOption({ label: '李娜（宁波星海贸易有限公司）' });
  await expect(page.getByTestId('stamp-signer-name')).toHaveValue('李娜');

  // A drawn signature can be saved to the chosen profile.
  await drawStrokes(page, page.getByTestId('stamp-signature-pad'));
  await page.locator('.stamp-controls').getByTestId('saved-signatures').getByRole('button', { name: '保存到此档案以便下次使用' }).click();
  await expect(page.locator('.stamp-controls')).toContainText('已保存到“李娜”的档案');
  expect(await api(page, server.origin, 'profiles.listAssets', { profileId, kind: 'signature' })).toHaveLength(2);

  // One click each on the saved signature and seal: they become the images stamped.
  await page.getByRole('button', { name: /^使用.*保存的李娜签名$/ }).click();
  await expect(page.locator('img.stamp-thumb').first()).toHaveAttribute('src', signaturePng);
  await page.getByTestId('saved-seals').getByRole('button', { name: /^使用/ }).click();
  await expect(page.locator('.stamp-thumb-row img.stamp-thumb')).toHaveAttribute('src', sealPng);
  await page.screenshot({ path: test.info().outputPath('stamp-saved-reused.png') });
  await page.locator('[data-action="stamp"]').click();
  await expect(page.getByTestId('stamp-result')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('stamp-placed')).toContainText('签名');
  await expect(page.getByTestId('stamp-placed')).toContainText('公章');
});
