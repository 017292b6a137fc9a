import type { TemplateSection } from '../../electron/shared/template';
import { ClauseBlock } from './ClauseBlock';
import { TemplateParagraphs } from './TemplateParagraphs';

/** One top-level section as a document page: its numbered heading, its body text and its clauses. */
export function SectionStep({ section }: { section: TemplateSection }) {
  return (
    <div className="doc-section">
      <h2 className="section-heading">
        <span className="section-number">{section.number}</span>
        {section.heading}
      </h2>
      <TemplateParagraphs text={section.text} className="clause-text section-text" />
      {section.clauses.map((clause) => (
        <ClauseBlock key={clause.number + clause.text.slice(0, 16)} clause={clause} depth={1} />
      ))}
    </div>
  );
}
