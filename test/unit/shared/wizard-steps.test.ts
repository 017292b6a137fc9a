import { describe, expect, it } from 'vitest';
import type { Template, TemplateClause, TemplateSection } from '../../../electron/shared/template';
import { leafClauses, splitTemplateText } from '../../../electron/shared/template';
import { wizardSteps } from '../../../electron/shared/wizard-steps';

const section = (number: string, clauses: TemplateClause[] = []): TemplateSection => ({ number, heading: '', text: '', fields: [], clauses });
const clause = (number: string, children: TemplateClause[] = []): TemplateClause => ({ number, text: number, fields: [], children });

describe('wizardSteps', () => {
  it('is intro, one section-<n> per top-level section (1-based), then review and sign', () => {
    expect(wizardSteps({ sections: [section('一、'), section('二、'), section('三、')] })).toEqual([
      'intro',
      'section-1',
      'section-2',
      'section-3',
      'review',
      'sign',
    ]);
  });

  it('is intro, review and sign for a template without sections', () => {
    expect(wizardSteps({ sections: [] })).toEqual(['intro', 'review', 'sign']);
  });
});

describe('splitTemplateText', () => {
  it('splits literals and {{field}} references in order', () => {
    expect(splitTemplateText('在{{c2.3-1}}小时内，{{c2.3-2}}个工作日')).toEqual([
      { literal: '在' },
      { fieldId: 'c2.3-1' },
      { literal: '小时内，' },
      { fieldId: 'c2.3-2' },
      { literal: '个工作日' },
    ]);
  });

  it('handles adjacent placeholders, and text with none', () => {
    expect(splitTemplateText('{{a}}{{b}}')).toEqual([{ fieldId: 'a' }, { fieldId: 'b' }]);
    expect(splitTemplateText('无填空')).toEqual([{ literal: '无填空' }]);
    expect(splitTemplateText('')).toEqual([]);
  });

  it('gives the same result when called twice (the global regex keeps no state between calls)', () => {
    const text = '{{a}}x{{b}}';
    expect(splitTemplateText(text)).toEqual(splitTemplateText(text));
  });
});

describe('leafClauses', () => {
  it('lists the clauses without children, and sections without clauses, in reading order', () => {
    const t = {
      sections: [section('一、', [clause('1.1', [clause('1.1.1'), clause('1.1.2')]), clause('1.2')]), section('二、')],
    } as Pick<Template, 'sections'> as Template;
    expect(leafClauses(t).map((c) => c.number)).toEqual(['1.1.1', '1.1.2', '1.2', '二、']);
  });
});
