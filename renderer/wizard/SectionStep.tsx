import type { TemplateSection } from '../../electron/shared/template';
import { AckCheckbox } from './AckCheckbox';
import { ClauseBlock } from './ClauseBlock';
import { TemplateParagraphs } from './TemplateParagraphs';

/**
 * One top-level section as a document page: its numbered heading, its body text and its clauses. A section
 * without clauses is itself the clause the signer confirms.
 */
export function SectionStep({ section, index }: { section: TemplateSection; index: number }) {
  const key = `${index + 1}`;
  return (
    <div className="doc-section">
      <h2 className="section-heading" tabIndex={-1}>
        <span className="section-number">{section.number}</span>
        {section.heading}
      </h2>
      <TemplateParagraphs text={section.text} className="clause-text section-text" />
      {section.clauses.length === 0 && <AckCheckbox clauseKey={key} number={section.number} />}
      {section.clauses.map((clause, i) => (
        <ClauseBlock key={clause.number + clause.text.slice(0, 16)} clause={clause} depth={1} path={`${key}.${i + 1}`} />
      ))}
    </div>
  );
}
