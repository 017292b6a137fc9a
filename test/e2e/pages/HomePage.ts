import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The start screen: templates, drafts, archive. */
export class HomePage {
  readonly templates: Locator;
  readonly draftRows: Locator;
  readonly archiveRows: Locator;

  constructor(readonly page: Page) {
    this.templates = page.locator('.template-card');
    this.draftRows = page.locator('.drafts-table tbody tr');
    this.archiveRows = page.locator('.archive-table tbody tr');
  }

  /** Opens the app at the URL `pledge serve` printed (with its one-time token). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.templates.first()).toBeVisible();
  }

  async goHome(): Promise<void> {
    await this.page.locator('.app-brand').click();
    await expect(this.templates.first()).toBeVisible();
  }

  /** Clicks "开始填写" on a template (the seed-shaped built-in by default); returns its title. */
  async startTemplate(id = 'ecommerce-service'): Promise<string> {
    return this.start(this.page.locator(`.template-card[data-template-id="${id}"]`));
  }

  /** Clicks "开始填写" on the first template; returns its title. */
  async startFirstTemplate(): Promise<string> {
    return this.start(this.templates.first());
  }

  private async start(card: Locator): Promise<string> {
    const title = (await card.locator('.template-title').innerText()).trim();
    await card.getByRole('button', { name: '开始填写' }).click();
    return title;
  }

  /** The card of a template in the list (its newest version). */
  templateCard(id: string): Locator {
    return this.page.locator(`.template-card[data-template-id="${id}"]`);
  }

  /** Clicks "导入承诺书" on the template panel. */
  async openImport(): Promise<void> {
    await this.page.getByRole('button', { name: '导入承诺书' }).click();
  }

  /** Clicks the small "编辑" on a template's card. */
  async editTemplate(id: string): Promise<void> {
    await this.templateCard(id).getByRole('button', { name: '编辑', exact: true }).click();
  }

  /** The draft row with this id. */
  draftRow(draftId: string): Locator {
    return this.page.locator(`.drafts-table tbody tr[data-draft-id="${draftId}"]`);
  }

  readonly search = (): Locator => this.page.getByTestId('drafts-search');
  readonly sort = (): Locator => this.page.getByTestId('drafts-sort');
  readonly toast = (): Locator => this.page.getByTestId('toast');

  /** Types into the drafts search box and waits until the list shows `expected` rows. */
  async searchDrafts(query: string, expected: number): Promise<void> {
    await this.search().fill(query);
    await expect(this.draftRows).toHaveCount(expected);
  }

  async duplicateDraft(draftId: string): Promise<void> {
    await this.draftRow(draftId).getByRole('button', { name: '复制', exact: true }).click();
  }

  async deleteDraft(draftId: string): Promise<void> {
    await this.draftRow(draftId).getByRole('button', { name: '删除', exact: true }).click();
  }

  async resumeDraft(index = 0): Promise<void> {
    await this.draftRows.nth(index).getByRole('button', { name: '继续填写' }).click();
  }

  async openArchive(index = 0): Promise<void> {
    await this.archiveRows.nth(index).getByRole('button', { name: '查看' }).click();
  }
}
