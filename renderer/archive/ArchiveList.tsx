import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { formatDateTime, formatNumber } from '../app/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { StatusBadge } from '../components/StatusBadge';
import { useLocale } from '../i18n/locale-context';
import { verificationCode } from './verification-code';

/** How many of the newest records the home screen lists; the archive screen finds the rest. */
const LATEST = 10;

interface Props {
  onOpenRecord: (archiveId: string) => void;
  onSearch: () => void;
  onVerify: () => void;
}

/** The home screen's archive panel: the newest signed pledges, and the ways to 档案检索 and 核验. */
export function ArchiveList({ onOpenRecord, onSearch, onVerify }: Props) {
  const { t, locale } = useLocale();
  const [latest, reload] = useApi(() => call('archive.search', { sort: 'signedAt', page: 1, pageSize: LATEST }), []);
  const n = (v: number): string => formatNumber(v, locale);
  return (
    <section className="panel" aria-labelledby="archive-heading">
      <div className="panel-head">
        <div>
          <h2 id="archive-heading">{t.home.archive}</h2>
          {latest.state === 'ok' && latest.value.total > latest.value.items.length && (
            <p className="hint">{t.home.archiveLatest(n(latest.value.items.length), n(latest.value.total))}</p>
          )}
        </div>
        <div className="actions actions-tight">
          <button type="button" className="btn" onClick={onSearch} data-action="archive-search">
            {t.home.archiveSearch}
          </button>
          <button type="button" className="btn" onClick={onVerify} data-action="verify">
            {t.home.verify}
          </button>
        </div>
      </div>
      {latest.state === 'loading' && <Loading />}
      {latest.state === 'error' && <ErrorNotice error={latest.error} onRetry={reload} />}
      {latest.state === 'ok' && latest.value.total === 0 && <p className="empty">{t.home.archiveEmpty}</p>}
      {latest.state === 'ok' && latest.value.items.length > 0 && (
        <table className="list-table archive-table">
          <thead>
            <tr>
              <th>{t.archive.title}</th>
              <th>{t.archive.signer}</th>
              <th>{t.archive.signedAt}</th>
              <th>{t.record.status}</th>
              <th>{t.search.code}</th>
              <th>
                <span className="visually-hidden">{t.drafts.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {latest.value.items.map((r) => (
              <tr key={r.id} data-archive-id={r.id} data-status={r.status}>
                <td className="cell-title">{r.title}</td>
                <td>{r.organisation ? `${r.signer}（${r.organisation}）` : r.signer}</td>
                <td className="num">{formatDateTime(r.signedAt, locale)}</td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td className="hash code-cell" title={r.contentHash}>
                  {verificationCode(r)}
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
