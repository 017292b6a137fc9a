import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** A file as a test hands it to the file input or drops it on the import panel. */
export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The "导入承诺书" screen: paste or choose a file, then the parse result with one card per pledge. */
export class ImportPage {
  readonly panel: Locator;
  readonly textarea: Locator;
  readonly fileInput: Locator;
  readonly result: Locator;
  readonly cards: Locator;
  readonly error: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('import-drop');
    this.textarea = page.getByLabel('粘贴承诺书文字');
    this.fileInput = page.locator('input[type="file"]');
    this.result = page.getByTestId('import-result');
    this.cards = page.locator('.import-card');
    this.error = this.panel.locator('.notice-error');
    this.done = page.getByTestId('import-done');
  }

  async expectShown(): Promise<void> {
    await expect(this.textarea).toBeVisible();
  }

  /** Pastes `text` and asks for it to be read. */
  async paste(text: string): Promise<void> {
    await this.textarea.fill(text);
    await this.page.getByRole('button', { name: '识别粘贴的文字' }).click();
  }

  async chooseFile(file: TestFile): Promise<void> {
    await this.fileInput.setInputFiles(file);
  }

  /** Drops a file on the import panel, as dragging it from the desktop does. */
  async dropFile(file: { name: string; mimeType: string; text: string }): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle((f) => {
      const dt = new DataTransfer();
      dt.items.add(new File([f.text], f.name, { type: f.mimeType }));
      return dt;
    }, file);
    await this.panel.dispatchEvent('dragenter', { dataTransfer });
    await this.panel.dispatchEvent('drop', { dataTransfer });
  }

  card(index: number): Locator {
    return this.cards.nth(index);
  }

  /** The Chinese warnings of a card, one per line. */
  warnings(index: number): Locator {
    return this.card(index).locator('.import-warnings li');
  }

  async templateId(index: number): Promise<string> {
    return (await this.card(index).getAttribute('data-template-id')) ?? '';
  }

  async review(index: number): Promise<void> {
    await this.card(index).getByRole('button', { name: '检查并编辑' }).click();
  }

  /** Clicks "全部导入" (or "导入其余 N 份") and waits for the confirmation. */
  async importAll(): Promise<void> {
    await this.page.locator('[data-action="import-all"]').click();
    await expect(this.done).toBeVisible();
  }
}
