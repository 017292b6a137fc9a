/**
 * The template JSON: what the importer produces and the wizard, the PDF composer and the CLI consume.
 * In every `text`, a field stands as `{{fieldId}}` where its blank was.
 */

export type FieldKind = 'blank' | 'choice' | 'signature' | 'date';

export const VALUE_TYPES = [
  'percent',
  'integer',
  'number',
  'money',
  'duration',
  'text',
  'phone',
  'idCard',
  'creditCode',
  'date',
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export interface TemplateField {
  /** Stable across versions while the field's clause and label are unchanged. */
  id: string;
  kind: FieldKind;
  /** Human label inferred from the words before the blank, e.g. "每日服务器安全巡检次数". */
  label: string;
  /** The unit written after the blank (%, 次, 小时, 个工作日, 元 …), if any. */
  unit?: string;
  /** For `blank` and `date` fields. */
  valueType?: ValueType;
  /** For `choice` fields: the option texts in order. */
  options?: string[];
  /** For `choice` fields: the option that carries a free-text part ("其他__________"). */
  otherOption?: string;
  /** For numeric value types: the smallest and largest value the template accepts (set in the editor). */
  min?: number;
  max?: number;
  /** For `choice` fields: the option the source document had ticked (■/☑), offered as the default. */
  preselected?: string;
  required: boolean;
}

export interface TemplateClause {
  /** The marker as written: `1.1`, `3.1.2`, `（一）`. */
  number: string;
  text: string;
  /** Ids of the fields in this clause's own text, in order. */
  fields: string[];
  children: TemplateClause[];
}

export interface TemplateSection {
  /** The marker as written: `一、`, `1、`, `第一条`. */
  number: string;
  heading: string;
  /** Body text of a section that has no sub-clauses (as in "1、…" pledges); empty otherwise. */
  text: string;
  fields: string[];
  clauses: TemplateClause[];
}

export interface TemplateBlock {
  text: string;
  fields: string[];
}

export interface TemplateWarning {
  /** Stable code such as `truncated` or `no-signature-line`. */
  code: string;
  message: string;
}

export interface Template {
  id: string;
  /** Hex SHA-256 of the template's canonical content: a new version whenever its content changes. */
  version: string;
  title: string;
  preamble: TemplateBlock;
  sections: TemplateSection[];
  closing: TemplateBlock;
  /** Every field in document order, preamble and closing included. */
  fields: TemplateField[];
  warnings: TemplateWarning[];
}

/** A choice answer: the chosen option, plus the free text of an "其他" option. */
export interface ChoiceValue {
  option: string;
  other?: string;
}

/** A value as typed: blanks and dates are strings (kept even when not yet valid), choices are ChoiceValue. */
export type FieldValue = string | ChoiceValue;

export type FieldValues = Record<string, FieldValue>;

/** Matches `{{fieldId}}` placeholders in template text. */
export const FIELD_PLACEHOLDER = /\{\{([^{}]+)\}\}/g;

/** Splits a template text into literal parts and field references, in order. */
export function splitTemplateText(text: string): Array<{ literal: string } | { fieldId: string }> {
  const parts: Array<{ literal: string } | { fieldId: string }> = [];
  let last = 0;
  for (const match of text.matchAll(FIELD_PLACEHOLDER)) {
    const index = match.index;
    if (index > last) parts.push({ literal: text.slice(last, index) });
    parts.push({ fieldId: match[1] as string });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  return parts;
}

/** The leaf clauses of a template: each is one clause a signer confirms. */
export function leafClauses(template: Template): Array<TemplateClause | TemplateSection> {
  const leaves: Array<TemplateClause | TemplateSection> = [];
  const walk = (clause: TemplateClause): void => {
    if (clause.children.length === 0) leaves.push(clause);
    else clause.children.forEach(walk);
  };
  for (const section of template.sections) {
    if (section.clauses.length === 0) leaves.push(section);
    else section.clauses.forEach(walk);
  }
  return leaves;
}
