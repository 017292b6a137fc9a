import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { MethodInput, MethodResults } from '../../electron/shared/api';
import type { MethodName } from '../../electron/shared/method-names';
import type { Template } from '../../electron/shared/template';

/**
 * Calls a contract method the way the page does (`POST /api/<method>` with the session cookie of the page's
 * context) and returns its value; fails the test on an error envelope.
 */
export async function api<M extends MethodName>(page: Page, origin: string, method: M, input: MethodInput<M>): Promise<MethodResults[M]> {
  const res = await page.request.post(`${origin}/api/${method}`, { data: input });
  expect(res.status(), `${method} HTTP status`).toBe(200);
  const body = (await res.json()) as { ok: boolean; value?: MethodResults[M]; error?: unknown };
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value as MethodResults[M];
}

/** The draft the wizard is showing, from the screen the app keeps in sessionStorage. */
export async function currentDraftId(page: Page): Promise<string> {
  return page.evaluate(() => (JSON.parse(sessionStorage.getItem('pledge-desk:screen') ?? '{}') as { draftId?: string }).draftId ?? '');
}

/**
 * Stores a new version of a template through `templates.save`: clause 1.2 reworded, clause 1.3 removed, a new
 * clause 1.4 added to section 一, and the last clause of the last section removed with its blanks.
 */
export async function saveNewVersion(page: Page, origin: string, templateId: string): Promise<{ template: Template; version: string; droppedFields: string[] }> {
  const template = await api(page, origin, 'templates.get', { id: templateId });
  const first = template.sections[0];
  if (!first || first.clauses.length < 3) throw new Error('expected a first section with three clauses');
  const [c1, c2] = first.clauses as [Template['sections'][0]['clauses'][0], Template['sections'][0]['clauses'][0]];
  const last = template.sections.at(-1) as Template['sections'][0];
  const droppedFields = last.clauses.at(-1)?.fields ?? [];
  const edited: Template = {
    ...template,
    sections: [
      {
        ...first,
        clauses: [
          c1,
          { ...c2, text: `${c2.text.replace(/。$/, '')}，并在商品详情页注明生产日期。` },
          { number: '1.4', text: '在店铺首页公示客服联系方式。', fields: [], children: [] },
        ],
      },
      ...template.sections.slice(1, -1),
      // The last clause (with its blank) is dropped: an answer given there cannot move.
      { ...last, clauses: last.clauses.slice(0, -1) },
    ],
    fields: template.fields.filter((f) => !droppedFields.includes(f.id)),
  };
  // The host derives the version and the warnings itself.
  const input: Partial<Template> = { ...edited };
  delete input.version;
  delete input.warnings;
  const saved = await api(page, origin, 'templates.save', { template: input as MethodInput<'templates.save'>['template'] });
  expect(saved.isNewVersion).toBe(true);
  return { template: edited, version: saved.version, droppedFields };
}

/** A valid 18-character resident ID built from 17 digits (GB 11643 check character appended). */
export function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = Array.from(first17).reduce((s, d, i) => s + Number(d) * (weights[i] as number), 0);
  return first17 + ('10X98765432'[sum % 11] as string);
}

const CREDIT = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code built from 17 characters (GB 32100 check character appended). */
export function creditCode(first17: string): string {
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = Array.from(first17).reduce((s, c, i) => s + CREDIT.indexOf(c) * (weights[i] as number), 0);
  return first17 + (CREDIT[(31 - (sum % 31)) % 31] as string);
}

/** The same number with its last (check) character replaced by another valid-looking one. */
export function flipCheck(code: string, alphabet = '0123456789'): string {
  const last = code.at(-1) as string;
  const other = Array.from(alphabet).find((c) => c !== last) as string;
  return code.slice(0, -1) + other;
}
