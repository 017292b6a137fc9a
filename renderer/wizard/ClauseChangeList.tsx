import type { ClauseChange } from '../../electron/shared/dto';
import { useLocale } from '../i18n/locale-context';
import { changeLabel, readableClauseText } from './version-changes';

/**
 * The clauses that differ between two template versions, each with its text before and after, in the host's
 * order (the new version's clauses in document order, then the removed ones).
 */
export function ClauseChangeList({ changes }: { changes: readonly ClauseChange[] }) {
  const { t } = useLocale();
  if (changes.length === 0) return <p className="hint">{t.version.noChanges}</p>;
  return (
    <ul className="change-list" data-testid="clause-changes">
      {changes.map((c) => (
        <li key={`${c.section}|${c.number}|${c.change}`} className={`change change-${c.change}`} data-change={c.change} data-clause={changeLabel(c)}>
          <span className="change-badge">{t.version.change[c.change]}</span>
          <span className="change-number">{changeLabel(c)}</span>
          {c.before !== undefined && (
            <p className="change-text change-before">
              <span className="change-tag">{t.version.before}</span>
              <del>{readableClauseText(c.before)}</del>
            </p>
          )}
          {c.after !== undefined && (
            <p className="change-text change-after">
              <span className="change-tag">{t.version.after}</span>
              <ins>{readableClauseText(c.after)}</ins>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
