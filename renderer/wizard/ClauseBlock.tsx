import type { TemplateClause } from '../../electron/shared/template';
import { AckCheckbox } from './AckCheckbox';
import { TemplateText } from './TemplateText';

interface Props {
  clause: TemplateClause;
  depth: number;
  /** The clause's key in `clauseIndex` (`2.3`, `2.3.1`): a leaf is confirmed under this key. */
  path: string;
}

/**
 * A clause as a paragraph that begins with its number; a leaf clause ends with its "已阅读并同意本条款" box, a
 * clause with sub-clauses is a sub-heading over them.
 */
export function ClauseBlock({ clause, depth, path }: Props) {
  const leaf = clause.children.length === 0;
  return (
    <div className={`clause clause-depth-${depth}`} data-clause={clause.number} data-clause-key={path}>
      <p className={leaf ? 'clause-text' : 'clause-heading'}>
        <span className="clause-number">{clause.number}</span>
        <TemplateText text={clause.text} />
      </p>
      {leaf && <AckCheckbox clauseKey={path} number={clause.number} />}
      {clause.children.map((child, i) => (
        <ClauseBlock key={child.number + child.text.slice(0, 16)} clause={child} depth={depth + 1} path={`${path}.${i + 1}`} />
      ))}
    </div>
  );
}
