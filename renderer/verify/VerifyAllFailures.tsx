import type { ArchiveFailure } from '../../electron/shared/dto';
import { useLocale } from '../i18n/locale-context';
import { problemText } from './verdict';

/** Every failing record of "核验全部档案", named with its problem (and the host's English explanation). */
export function VerifyAllFailures({ failures, onOpenRecord }: { failures: readonly ArchiveFailure[]; onOpenRecord: (id: string) => void }) {
  const { t } = useLocale();
  return (
    <table className="list-table failure-table" data-testid="verify-all-failures">
      <thead>
        <tr>
          <th>{t.verify.failureRecord}</th>
          <th>{t.verify.failureProblem}</th>
        </tr>
      </thead>
      <tbody>
        {failures.map((f, i) => (
          <tr key={`${f.recordId}-${f.problem}-${i}`} data-problem={f.problem}>
            <td>
              <button type="button" className="btn-link hash" onClick={() => onOpenRecord(f.recordId)}>
                {f.recordId}
              </button>
            </td>
            <td>
              <span className="failure-problem">{problemText(f.problem, t)}</span>
              <span className="notice-detail" lang="en">
                {f.message}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
