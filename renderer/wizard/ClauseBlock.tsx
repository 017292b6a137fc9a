import type { TemplateClause } from '../../electron/shared/template';
import { TemplateText } from './TemplateText';

/** A clause as a paragraph that begins with its number; a clause with sub-clauses is a sub-heading over them. */
export function ClauseBlock({ clause, depth }: { clause: TemplateClause; depth: number }) {
  const leaf = clause.children.length === 0;
  return (
    <div className={`clause clause-depth-${depth}`} data-clause={clause.number}>
      <p className={leaf ? 'clause-text' : 'clause-heading'}>
        <span className="clause-number">{clause.number}</span>
        <TemplateText text={clause.text} />
      </p>
      {clause.children.map((child) => (
        <ClauseBlock key={child.number + child.text.slice(0, 16)} clause={child} depth={depth + 1} />
      ))}
    </div>
  );
}
