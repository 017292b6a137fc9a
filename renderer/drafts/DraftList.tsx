import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { formatDateTime } from '../app/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { t } from '../i18n/t';
import { sortDrafts } from './sort-drafts';

interface Props {
  onOpenDraft: (draftId: string) => void;
  onOpenRecord: (archiveId: string) => void;
}

/** The drafts table with "继续填写" (open drafts) or "查看" (signed ones). */
export function DraftList({ onOpenDraft, onOpenRecord }: Props) {
  const [drafts, reload] = useApi(() => call('drafts.list', {}), []);
  return (
    <section className="panel" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">{t.home.drafts}</h2>
      {drafts.state === 'loading' && <Loading />}
      {drafts.state === 'error' && <ErrorNotice error={drafts.error} onRetry={reload} />}
      {drafts.state === 'ok' && drafts.value.length === 0 && <p className="empty">{t.home.draftsEmpty}</p>}
      {drafts.state === 'ok' && drafts.value.length > 0 && (
        <table className="list-table drafts-table">
          <thead>
            <tr>
              <th>{t.drafts.title}</th>
              <th>{t.drafts.signer}</th>
              <th>{t.drafts.progress}</th>
              <th>{t.drafts.updatedAt}</th>
              <th>{t.drafts.status}</th>
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {sortDrafts(drafts.value).map((d) => (
              <tr key={d.id} data-draft-id={d.id} data-status={d.status}>
                <td className="cell-title">{d.title}</td>
                <td>{d.signerName || d.organisation || <span className="muted">{t.drafts.noSigner}</span>}</td>
                <td>
                  <progress max={Math.max(d.fieldCount, 1)} value={d.filled} aria-hidden="true" />{' '}
                  <span className="num">{t.drafts.progressText(d.filled, d.fieldCount)}</span>
                </td>
                <td className="num">{formatDateTime(d.updatedAt)}</td>
                <td>{d.status === 'open' ? t.drafts.open : t.drafts.signed}</td>
                <td className="cell-action">
                  {d.status === 'open' ? (
                    <button type="button" className="btn btn-small" onClick={() => onOpenDraft(d.id)}>
                      {t.drafts.resume}
                    </button>
                  ) : d.archiveId ? (
                    <button type="button" className="btn btn-small" onClick={() => onOpenRecord(d.archiveId as string)}>
                      {t.drafts.view}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
