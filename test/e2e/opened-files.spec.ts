import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from './api';
import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { VerifyPage } from './pages/VerifyPage';
import { shot } from './shots';
import { COMPANY_SIGNER, signViaApi } from './sign-via-api';
import { cliEnv, serveCommand, waitForUrl } from '../support/serve-process';

/**
 * Files opened with the app (a double-clicked bundle, "Open with" on a PDF; in browser mode `pledge serve FILE…`,
 * which is what `npm start -- FILE` runs without Electron): each gets a dialog, and the chosen screen takes it.
 */
test('a bundle and PDFs opened with the app are imported, verified and stamped; an unsupported file is explained', async ({ page, server, browser }) => {
  test.setTimeout(120_000);
  // Machine A: sign a pledge and export it as a bundle.
  await new HomePage(page).open(server.url);
  const signed = await signViaApi(page, server.origin, 'ecommerce-service', COMPANY_SIGNER);
  const bundle = await api(page, server.origin, 'archive.exportBundle', { ids: [signed.id] });
  const bundleBytes = await (await page.request.get(`${server.origin}/blobs/${bundle.blobId}`)).body();
  const pdfBytes = await (await page.request.get(`${server.origin}/blobs/${signed.fileSha256}`)).body();

  // Machine B: the files are opened with a fresh app.
  const work = mkdtempSync(join(tmpdir(), 'pledge-opened-'));
  writeFileSync(join(work, '交换.pledgebundle'), bundleBytes);
  writeFileSync(join(work, '原件.pdf'), pdfBytes);
  writeFileSync(join(work, '待盖章.pdf'), pdfBytes);
  writeFileSync(join(work, '伪装.pdf'), '这不是 PDF');
  const dataDir = join(work, 'data');
  const [node, ...args] = serveCommand(dataDir);
  const child = spawn(node as string, [...args, '交换.pledgebundle', '原件.pdf', '待盖章.pdf', '伪装.pdf'], {
    cwd: work,
    env: cliEnv(work),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const serve = await waitForUrl(child);
  const context = await browser.newContext();
  try {
    const b = await context.newPage();
    await b.goto(`http://127.0.0.1:${serve.port}/#token=${serve.token}`);
    expect(serve.stderr()).toContain('cannot open 伪装.pdf: not-pdf-or-bundle');

    const dialog = b.getByTestId('opened-file-dialog');
    await expect(dialog).toContainText('交换.pledgebundle');
    await shot(b, 'opened-bundle-dialog', { narrow: true });
    await dialog.getByRole('button', { name: '导入数据包' }).click();
    await expect(b.getByTestId('bundle-import-result')).toContainText('导入 1 份记录，跳过 0 份');
    await expect(b.getByTestId('bundle-import-result')).toContainText(signed.id);
    await shot(b, 'bundle-import-result', { narrow: true });

    await expect(dialog).toContainText('原件.pdf');
    await dialog.getByRole('button', { name: '核验此 PDF' }).click();
    const verify = new VerifyPage(b);
    await expect(verify.fileVerdict).toContainText('原件.pdf');
    await expect(verify.fileVerdict.getByTestId('file-verdict-headline')).toHaveText('一致（原件）');
    await expect(verify.fileVerdict).toContainText(signed.id);

    await expect(dialog).toContainText('待盖章.pdf');
    await dialog.getByRole('button', { name: '签章（给此 PDF 盖章）' }).click();
    // Inspected by the host and previewed by pdf.js from the stored bytes.
    await expect(b.locator('.stamp-screen')).toContainText(/待盖章\.pdf · 共 \d+ 页/, { timeout: 30_000 });
    await expect(b.locator('.stamp-screen canvas').first()).toBeVisible();

    await expect(dialog).toContainText('伪装.pdf');
    await expect(dialog.getByRole('alert')).toHaveText('这既不是 PDF，也不是承诺书数据包（.pledgebundle），无法打开。');
    await shot(b, 'opened-unsupported-dialog');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(dialog).toBeHidden();
  } finally {
    await context.close();
    child.kill('SIGTERM');
    await serve.exited;
    rmSync(work, { recursive: true, force: true });
  }
});
