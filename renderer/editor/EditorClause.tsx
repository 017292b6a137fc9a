import type { TemplateClause } from '../../electron/shared/template';
import type { ClausePath } from './clause-path';
import { ClauseRow } from './ClauseRow';
import { SelectedFieldPanel } from './SelectedFieldPanel';

interface Props {
  clause: TemplateClause;
  path: ClausePath;
  depth: number;
  /** The next sibling's number, when there is one to merge with. */
  nextNumber: string | undefined;
}

/** A clause in the editor: its row, the open field's panel if the field is in its text, then its children. */
export function EditorClause({ clause, path, depth, nextNumber }: Props) {
  return (
    <div className={`editor-clause clause-depth-${depth}`}>
      <ClauseRow clause={clause} path={path} nextNumber={nextNumber} />
      <SelectedFieldPanel text={clause.text} />
      {clause.children.map((child, i) => (
        <EditorClause
          key={`${i}:${child.number}`}
          clause={child}
          path={{ section: path.section, clauses: [...path.clauses, i] }}
          depth={depth + 1}
          nextNumber={clause.children[i + 1]?.number}
        />
      ))}
    </div>
  );
}
