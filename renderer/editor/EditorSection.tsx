import type { Template } from '../../electron/shared/template';
import { isFlatSection } from './clause-path';
import { ClauseRow } from './ClauseRow';
import { EditorBlock } from './EditorBlock';
import { EditorClause } from './EditorClause';
import { EditorText } from './EditorText';
import { useEditor } from './editor-context';
import { canMergeWithNext } from './merge-clauses';
import { SelectedFieldPanel } from './SelectedFieldPanel';

/**
 * A top-level section: its numbered heading, then its clauses. A section without sub-clauses ("1、…" pledges)
 * is itself the clause: its body is a row that merges with the next such section and splits like a clause.
 */
export function EditorSection({ template, index }: { template: Template; index: number }) {
  const { showInSource } = useEditor();
  const section = template.sections[index];
  if (!section) return null;
  const path = { section: index, clauses: [] };
  const hasHeading = section.heading.trim() !== '';
  const heading = (
    <>
      <h2 className="section-heading" onClick={() => showInSource(section.heading)}>
        <span className="section-number">{section.number}</span>
        <EditorText text={section.heading} />
      </h2>
      <SelectedFieldPanel text={section.heading} />
    </>
  );

  if (isFlatSection(section)) {
    const next = canMergeWithNext(template, path) ? template.sections[index + 1]?.number : undefined;
    return (
      <div className="editor-section editor-section-flat" data-section={section.number}>
        {hasHeading && heading}
        {(section.text.trim() !== '' || !hasHeading) && (
          <ClauseRow
            clause={{ number: section.number, text: section.text, fields: section.fields, children: [] }}
            path={path}
            nextNumber={next}
            showNumber={!hasHeading}
          />
        )}
        <SelectedFieldPanel text={section.text} />
      </div>
    );
  }

  return (
    <div className="editor-section" data-section={section.number}>
      {heading}
      <EditorBlock text={section.text} className="editor-section-text" label={section.number} />
      {section.clauses.map((clause, i) => (
        <EditorClause
          key={`${i}:${clause.number}`}
          clause={clause}
          path={{ section: index, clauses: [i] }}
          depth={1}
          nextNumber={section.clauses[i + 1]?.number}
        />
      ))}
    </div>
  );
}
