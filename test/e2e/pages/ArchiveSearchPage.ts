import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** "档案检索": the search box, filters, results, selection and the print queue. */
export class ArchiveSearchPage {
  readonly root: Locator;
  readonly query: Locator;
  readonly rows: Locator;
  readonly total: Locator;
  readonly empty: Locator;
  readonly printQueue: Locator;
  readonly registerDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.archive-screen');
    this.query = page.getByTestId('archive-query');
    this.rows = page.locator('[data-testid="archive-results"] tbody tr');
    this.total = page.getByTestId('archive-total');
    this.empty = page.getByTestId('archive-empty');
    this.printQueue = page.getByTestId('print-queue');
    this.registerDialog = page.getByTestId('register-dialog');
  }

  /** Opens the screen from the header's "档案检索". */
  async openFromHeader(): Promise<void> {
    await this.page.locator('.app-nav [data-nav="archive"]').click();
    await expect(this.root).toBeVisible();
  }

  /** Types a query and waits until the results settle with `expected` rows. */
  async search(query: string, expected: number): Promise<void> {
    await this.query.fill(query);
    await this.expectSettled(expected);
  }

  /** Waits until no search is pending and the table shows `expected` rows (0: the "no match" text). */
  async expectSettled(expected: number): Promise<void> {
    await expect(this.page.locator('.archive-results')).toHaveAttribute('data-pending', 'false');
    if (expected === 0) await expect(this.empty).toBeVisible();
    else await expect(this.rows).toHaveCount(expected);
    await expect(this.total).toHaveAttribute('data-total', String(expected));
  }

  filter(name: 'template' | 'signer-type' | 'status' | 'sort' | 'from' | 'to'): Locator {
    return this.page.locator(`[data-filter="${name}"]`);
  }

  row(archiveId: string): Locator {
    return this.page.locator(`[data-testid="archive-results"] tbody tr[data-archive-id="${archiveId}"]`);
  }

  async select(archiveId: string): Promise<void> {
    await this.row(archiveId).getByRole('checkbox').check();
  }

  async open(archiveId: string): Promise<void> {
    await this.row(archiveId).locator('.cell-action button').click();
  }

  /**
   * "导出台账" for the selection (or every result when none is selected): picks the format, ticks
   * "包含完整个人信息" when asked, exports and returns the browser download's name and bytes.
   */
  async exportRegister(format: 'csv' | 'xlsx', options: { reveal?: boolean } = {}): Promise<{ name: string; bytes: Buffer }> {
    await this.page.locator('[data-action="export-register"]').click();
    await expect(this.registerDialog).toBeVisible();
    await expect(this.registerDialog.getByTestId('register-reveal')).not.toBeChecked();
    await this.registerDialog.getByTestId(`register-${format}`).check();
    if (options.reveal) await this.registerDialog.getByTestId('register-reveal').check();
    const download = this.page.waitForEvent('download');
    await this.registerDialog.locator('[data-action="register-export"]').click();
    const file = await download;
    await expect(this.registerDialog.getByTestId('register-done')).toBeVisible();
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  }
}
