import type { Template } from '../../electron/shared/template';

export interface TemplateCounts {
  sections: number;
  blanks: number;
  choices: number;
  signatures: number;
  dates: number;
}

/** What an import result card says about a template: its sections and its fields by kind. */
export function templateCounts(template: Template): TemplateCounts {
  const count = (kind: string): number => template.fields.filter((f) => f.kind === kind).length;
  return {
    sections: template.sections.length,
    blanks: count('blank'),
    choices: count('choice'),
    signatures: count('signature'),
    dates: count('date'),
  };
}
