/**
 * The columns of the archive register (台账), in order, as a legal officer files them: one row per record.
 * `text` cells are written as text (never parsed as numbers or formulas), `number` as numbers, and `date`
 * (a YYYY-MM-DD date written on the pledge) as a real date in the XLSX and as that text in the CSV.
 * `personal` columns hold personal data: masked (`138****5678`) unless the register is made with `reveal`.
 */
export const REGISTER_COLUMNS = [
  { key: 'seq', header: '序号', width: 6, type: 'number' },
  { key: 'id', header: '记录编号', width: 24, type: 'text' },
  { key: 'title', header: '标题', width: 36, type: 'text' },
  { key: 'kind', header: '类型', width: 12, type: 'text' },
  { key: 'template', header: '模板及版本', width: 30, type: 'text' },
  { key: 'signer', header: '承诺人', width: 16, type: 'text' },
  { key: 'signerType', header: '承诺方类型', width: 10, type: 'text' },
  { key: 'organisation', header: '单位/组织', width: 28, type: 'text' },
  { key: 'creditCode', header: '统一社会信用代码', width: 22, type: 'text' },
  { key: 'date', header: '落款日期', width: 12, type: 'date' },
  { key: 'signedAt', header: '签署时间（UTC）', width: 26, type: 'text' },
  { key: 'status', header: '状态', width: 14, type: 'text' },
  { key: 'supersededBy', header: '更正记录', width: 24, type: 'text' },
  { key: 'fileSha256', header: '文件SHA-256', width: 66, type: 'text' },
  { key: 'contentHash', header: '内容哈希', width: 66, type: 'text' },
  { key: 'code', header: '验证码', width: 38, type: 'text' },
  { key: 'idNumber', header: '证件号码', width: 22, type: 'text', personal: true },
  { key: 'phone', header: '联系电话', width: 16, type: 'text', personal: true },
  { key: 'address', header: '地址', width: 36, type: 'text', personal: true },
] as const satisfies ReadonlyArray<{ key: string; header: string; width: number; type: 'text' | 'number' | 'date'; personal?: boolean }>;

export type RegisterColumnKey = (typeof REGISTER_COLUMNS)[number]['key'];

/** One register row: `seq` is a number (1-based), every other cell text (empty when the record has none). */
export type RegisterRow = { seq: number } & { [K in Exclude<RegisterColumnKey, 'seq'>]: string };
