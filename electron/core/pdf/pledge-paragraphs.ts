import type { FieldValues, Template, TemplateClause, TemplateField } from '../../shared/template';
import { splitTemplateText } from '../../shared/template';

/** Which embedded face sets a piece of text: the body face (楷) or the heading face (黑). */
export type Face = 'body' | 'heading';

/** A piece of a paragraph: plain text (in the body face unless said), a filled value (drawn underlined), or a choice box. */
export type Segment =
  | { kind: 'text'; text: string; face?: Face }
  | { kind: 'value'; text: string }
  | { kind: 'box'; checked: boolean };

export type ParagraphRole = 'title' | 'preamble' | 'heading' | 'clause';

export interface Paragraph {
  role: ParagraphRole;
  segments: Segment[];
}

/** 一、 二、 …: a level-1 heading, set in the heading face (GB/T 9704: 黑体). */
const LEVEL_ONE = /^[一二三四五六七八九十百零〇]+、$/u;
/** 第一条 …: an article label, set in the heading face while the article's text stays in the body face. */
const ARTICLE = /^第[一二三四五六七八九十百零〇\d]+条$/u;

/**
 * The body of a filled pledge as paragraphs, in reading order: title, preamble, each section heading (with
 * its body text) and each clause with its number. Blanks become their values; a choice becomes one box per
 * option, ticked where chosen. The closing block (signature and date lines) is laid out separately.
 */
export function pledgeParagraphs(template: Template, values: FieldValues): Paragraph[] {
  const byId = new Map(template.fields.map((f) => [f.id, f]));
  const render = (text: string): Segment[][] =>
    text.split('\n').map((line) => line && renderLine(line, byId, values)).filter((s): s is Segment[] => Array.isArray(s));

  const out: Paragraph[] = [{ role: 'title', segments: [{ kind: 'text', text: template.title, face: 'heading' }] }];
  for (const segments of render(template.preamble.text)) out.push({ role: 'preamble', segments });
  const clause = (c: TemplateClause): void => {
    render(c.text).forEach((segments, index) =>
      out.push({ role: 'clause', segments: index === 0 ? [{ kind: 'text', text: numberLabel(c.number) }, ...segments] : segments }),
    );
    c.children.forEach(clause);
  };
  for (const section of template.sections) {
    const levelOne = LEVEL_ONE.test(section.number);
    const labelFace: Face = levelOne || ARTICLE.test(section.number) ? 'heading' : 'body';
    const body = render(section.text);
    if (section.heading.trim()) {
      const heading = renderLine(section.heading, byId, values).map((s) => (s.kind === 'text' && levelOne ? { ...s, face: 'heading' as const } : s));
      out.push({ role: 'heading', segments: [{ kind: 'text', text: section.number, face: labelFace }, ...heading] });
      for (const segments of body) out.push({ role: 'clause', segments });
    } else {
      // A section without a heading ("第一条 服务范围。本承诺……"): its label starts its first paragraph.
      const label: Segment = { kind: 'text', text: section.number, face: labelFace };
      const gap: Segment = { kind: 'text', text: labelFace === 'heading' && !levelOne ? ' ' : '' };
      if (body.length === 0) out.push({ role: 'heading', segments: [label] });
      body.forEach((segments, index) => out.push({ role: 'clause', segments: index === 0 ? [label, gap, ...segments] : segments }));
    }
    section.clauses.forEach(clause);
  }
  return out;
}

/**
 * A clause number as printed before its text: "1.1 " with a space, "（一）" and "1、" without (their
 * full-width marks already carry the space).
 */
function numberLabel(number: string): string {
  return /[）)、．。:：]$/u.test(number) ? number : `${number} `;
}

/** One line of template text with its `{{fieldId}}` placeholders replaced by values or boxes. */
export function renderLine(line: string, fields: Map<string, TemplateField>, values: FieldValues): Segment[] {
  const segments: Segment[] = [];
  for (const part of splitTemplateText(line)) {
    if ('literal' in part) {
      segments.push({ kind: 'text', text: part.literal });
      continue;
    }
    const field = fields.get(part.fieldId);
    const value = values[part.fieldId];
    if (!field) continue;
    if (field.kind === 'choice') {
      const chosen = typeof value === 'string' ? { option: value } : value;
      for (const option of field.options ?? []) {
        segments.push({ kind: 'box', checked: chosen?.option === option });
        segments.push({ kind: 'text', text: option });
        if (option === field.otherOption) {
          const other = chosen?.option === option ? (chosen.other ?? '').trim() : '';
          segments.push({ kind: 'value', text: other });
        }
      }
      continue;
    }
    segments.push({ kind: 'value', text: typeof value === 'string' ? value.trim() : '' });
  }
  return segments;
}

/** The characters a paragraph draws in each face (for subsetting and the glyph check). */
export function paragraphText(segments: Segment[], into: Record<Face, string[]>): void {
  for (const s of segments) {
    if (s.kind === 'box') continue;
    into[s.kind === 'text' ? (s.face ?? 'body') : 'body'].push(s.text);
  }
}
