import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The archive record view shown after signing (or from the archive list). */
export class ArchivePage {
  readonly root: Locator;
  readonly contentHash: Locator;
  readonly fileSha256: Locator;
  readonly saveAs: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.record');
    this.contentHash = page.getByTestId('record-content-hash');
    this.fileSha256 = page.getByTestId('record-file-sha256');
    this.saveAs = page.getByTestId('record-save-as');
    this.preview = page.getByTestId('record-pdf');
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
}
