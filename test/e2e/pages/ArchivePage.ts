import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The archive record view shown after signing (or from the archive list, the search or a verdict). */
export class ArchivePage {
  readonly root: Locator;
  readonly contentHash: Locator;
  readonly fileSha256: Locator;
  readonly saveAs: Locator;
  readonly preview: Locator;
  readonly status: Locator;
  readonly statusNotice: Locator;
  readonly events: Locator;
  readonly signerDetails: Locator;
  readonly scans: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.record');
    this.contentHash = page.getByTestId('record-content-hash');
    this.fileSha256 = page.getByTestId('record-file-sha256');
    this.saveAs = page.getByTestId('record-save-as');
    this.preview = page.getByTestId('record-pdf');
    this.status = page.locator('.record-status [data-testid="status-badge"]');
    this.statusNotice = page.getByTestId('status-notice');
    this.events = page.locator('[data-testid="record-events"] > li');
    this.signerDetails = page.getByTestId('signer-details');
    this.scans = page.locator('[data-testid="record-scans"] > li');
  }

  async expectShown(title: string): Promise<void> {
    await expect(this.root).toBeVisible({ timeout: 30_000 });
    await expect(this.page.locator('.record-title')).toHaveText(title);
    await expect(this.contentHash).toHaveText(/^[0-9a-f]{64}$/);
    await expect(this.fileSha256).toHaveText(/^[0-9a-f]{64}$/);
  }

  /** The PDF's URL as the page uses it (relative in browser mode), resolved against the page. */
  async pdfUrl(): Promise<string> {
    const href = await this.saveAs.getAttribute('href');
    if (!href) throw new Error('no PDF link');
    return new URL(href, this.page.url()).toString();
  }

  /** The event of a kind in the audit log (the last one, when there are several). */
  event(kind: string): Locator {
    return this.page.locator(`[data-testid="record-events"] > li[data-kind="${kind}"]`).last();
  }

  /** Clicks 作废…, gives the reason and confirms. */
  async voidWith(reason: string): Promise<void> {
    await this.page.locator('[data-action="void"]').click();
    const dialog = this.page.getByTestId('void-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('reason').fill(reason);
    await dialog.locator('[data-action="confirm"]').click();
    await expect(dialog).toBeHidden();
  }

  async back(): Promise<void> {
    await this.page.locator('.record [data-action="back"]').click();
  }
}
