import { expect, test } from './fixtures';
import { expectPdfMatches, fillAndSign, pdfText } from './journey';

test('a merchant fills, resumes after a reload, signs and gets the archived PDF', async ({ page, server }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.goto(server.url);
  // The one-time token leaves the address bar once it has been traded for the session cookie.
  await expect.poll(() => page.url()).not.toContain('token=');
  const journey = await fillAndSign(page, { screenshotDir: process.env.PLEDGE_E2E_SCREENSHOTS });

  const response = await page.request.get(journey.pdfUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const bytes = await response.body();
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expectPdfMatches(pdfText(bytes), journey);

  // The new record is listed on the home screen with the first 12 hex digits of its content hash.
  await page.locator('.app-brand').click();
  await expect(page.locator('.archive-table tbody tr').first()).toContainText(journey.contentHash.slice(0, 12));
  await expect(page.locator('.drafts-table tbody tr').first()).toContainText('已签署');

  const foreign = requests.filter((url) => {
    const { protocol, host } = new URL(url);
    // data:, blob: and the browser's own chrome:// / chrome-extension:// (its PDF viewer) never reach a network.
    if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(protocol)) return false;
    return host !== new URL(server.origin).host;
  });
  expect(foreign, 'requests that left 127.0.0.1').toEqual([]);
});
