import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { formatDateTime } from '../app/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { t } from '../i18n/t';

/** Signed pledges, newest first, with the first 12 hex digits of their content hash. */
export function ArchiveList({ onOpenRecord }: { onOpenRecord: (archiveId: string) => void }) {
  const [records, reload] = useApi(() => call('archive.list', {}), []);
  return (
    <section className="panel" aria-labelledby="archive-heading">
      <h2 id="archive-heading">{t.home.archive}</h2>
      {records.state === 'loading' && <Loading />}
      {records.state === 'error' && <ErrorNotice error={records.error} onRetry={reload} />}
      {records.state === 'ok' && records.value.length === 0 && <p className="empty">{t.home.archiveEmpty}</p>}
      {records.state === 'ok' && records.value.length > 0 && (
        <table className="list-table archive-table">
          <thead>
            <tr>
              <th>{t.archive.title}</th>
              <th>{t.archive.signer}</th>
              <th>{t.archive.signedAt}</th>
              <th>{t.archive.contentHash}</th>
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {[...records.value]
              .sort((a, b) => b.signedAt.localeCompare(a.signedAt))
              .map((r) => (
                <tr key={r.id} data-archive-id={r.id}>
                  <td className="cell-title">{r.title}</td>
                  <td>{r.organisation ? `${r.signer}（${r.organisation}）` : r.signer}</td>
                  <td className="num">{formatDateTime(r.signedAt)}</td>
                  <td className="hash" title={r.contentHash}>
                    {r.contentHash.slice(0, 12)}
                  </td>
                  <td className="cell-action">
                    <button type="button" className="btn btn-small" onClick={() => onOpenRecord(r.id)}>
                      {t.archive.view}
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
