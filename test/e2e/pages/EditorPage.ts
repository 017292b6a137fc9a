import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The template editor: the source on the left, the template as a document with field chips on the right. */
export class EditorPage {
  readonly root: Locator;
  readonly source: Locator;
  readonly doc: Locator;
  readonly status: Locator;
  readonly panel: Locator;
  readonly problems: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.editor');
    this.source = page.getByTestId('editor-source');
    this.doc = page.locator('.editor-doc');
    this.status = page.getByTestId('editor-status');
    this.panel = page.locator('.field-panel');
    this.problems = page.getByTestId('editor-problems');
  }

  async expectLoaded(): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.doc.locator('.chip').first()).toBeVisible();
  }

  title(): Locator {
    return this.doc.getByRole('textbox', { name: '标题' });
  }

  chip(fieldId: string): Locator {
    return this.doc.locator(`.chip[data-field-id="${fieldId}"]`);
  }

  /** The first chip whose text starts with a value type's Chinese name ("百分比", "金额" …). */
  chipOfType(typeName: string): Locator {
    return this.doc.locator('.chip-blank').filter({ hasText: new RegExp(`^${typeName}`) }).first();
  }

  /** Opens a field's property panel by clicking its chip. */
  async openField(fieldId: string): Promise<void> {
    await this.chip(fieldId).click();
    await expect(this.panel).toHaveAttribute('data-field-id', fieldId);
  }

  async setLabel(label: string): Promise<void> {
    await this.panel.getByLabel('名称').fill(label);
  }

  async setBound(which: '最小值' | '最大值', value: string): Promise<void> {
    await this.panel.getByLabel(which).fill(value);
  }

  /** A clause's own row (number, text, actions), not its children. */
  clause(number: string): Locator {
    return this.doc.locator(`.editor-clause-row[data-clause="${number}"]`);
  }

  async merge(number: string): Promise<void> {
    await this.clause(number).getByRole('button', { name: '与下一条合并' }).click();
  }

  /** Opens a clause's edit form, puts the caret after `before` in its text and splits there. */
  async split(number: string, before: string, secondNumber?: string): Promise<void> {
    const row = this.clause(number);
    await row.getByRole('button', { name: '修改 / 拆分' }).click();
    const area = row.getByRole('textbox', { name: `条款 ${number} 的文字` });
    await area.evaluate((el, text) => {
      const ta = el as HTMLTextAreaElement;
      const at = ta.value.indexOf(text) + text.length;
      ta.focus();
      ta.setSelectionRange(at, at);
    }, before);
    if (secondNumber !== undefined) await row.getByLabel('拆分出的新条款编号').fill(secondNumber);
    await row.getByRole('button', { name: '在光标处拆分' }).click();
  }

  /** Clicks "保存为新版本" and returns the 8 hex digits of the new version it reports. */
  async saveAsNewVersion(): Promise<string> {
    await this.page.getByRole('button', { name: '保存为新版本' }).click();
    await expect(this.status).toHaveText(/^已保存为新版本 [0-9a-f]{8}$/);
    return ((await this.status.innerText()).match(/[0-9a-f]{8}$/) ?? [''])[0];
  }

  async back(): Promise<void> {
    await this.root.locator('.editor-bar-actions .btn').first().click();
  }
}
