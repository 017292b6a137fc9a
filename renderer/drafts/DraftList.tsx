import { useId, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { useDebounced } from '../app/use-debounced';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Toast } from '../components/Toast';
import { useLocale } from '../i18n/locale-context';
import { DraftRow } from './DraftRow';
import type { DraftSort } from './sort-drafts';
import { DRAFT_SORTS, parseDraftSort, sortDrafts } from './sort-drafts';

interface Props {
  onOpenDraft: (draftId: string) => void;
  onOpenRecord: (archiveId: string) => void;
}

const SEARCH_DELAY_MS = 250;

/** The drafts: search, sort, and per row 继续填写 (or 查看), 复制 and 删除 with an undo. */
export function DraftList({ onOpenDraft, onOpenRecord }: Props) {
  const { t } = useLocale();
  const ids = { search: useId(), sort: useId() };
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<DraftSort>('updated');
  const needle = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const [drafts, reload] = useApi(() => call('drafts.list', { ...(needle ? { query: needle } : {}), sort }), [needle, sort], { keepPrevious: true });
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; title: string; note?: string } | null>(null);

  const duplicate = async (id: string): Promise<void> => {
    setBusy(id);
    setActionError(null);
    const res = await call('drafts.duplicate', { id });
    setBusy(null);
    if (res.ok) onOpenDraft(res.value.id);
    else setActionError(res.error);
  };

  const remove = async (id: string, title: string): Promise<void> => {
    setBusy(id);
    setActionError(null);
    const res = await call('drafts.delete', { id });
    setBusy(null);
    if (!res.ok) {
      setActionError(res.error);
      return;
    }
    setDeleted({ id, title });
    reload();
  };

  const undo = async (): Promise<void> => {
    if (!deleted) return;
    const res = await call('drafts.restore', { id: deleted.id });
    if (res.ok) {
      setDeleted(null);
      reload();
    } else setDeleted({ ...deleted, note: t.drafts.restoreFailed(t.error(res.error.code)) });
  };

  const list = drafts.state === 'ok' ? sortDrafts(drafts.value) : [];
  const showControls = drafts.state === 'ok' && (list.length > 0 || needle !== '' || query !== '');

  return (
    <section className="panel" aria-labelledby="drafts-heading">
      <div className="panel-head">
        <h2 id="drafts-heading">{t.home.drafts}</h2>
        {showControls && (
          <div className="list-controls">
            <label className="visually-hidden" htmlFor={ids.search}>
              {t.drafts.search}
            </label>
            <input
              id={ids.search}
              type="search"
              className="text-input search-input"
              placeholder={t.drafts.searchPlaceholder}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              data-testid="drafts-search"
            />
            <label className="control-label" htmlFor={ids.sort}>
              {t.drafts.sort}
            </label>
            <select
              id={ids.sort}
              className="text-input select-input"
              value={sort}
              onChange={(e) => setSort(parseDraftSort(e.target.value))}
              data-testid="drafts-sort"
            >
              {DRAFT_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t.drafts.sortBy[s]}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {drafts.state === 'loading' && <Loading />}
      {drafts.state === 'error' && <ErrorNotice error={drafts.error} onRetry={reload} />}
      {actionError && <ErrorNotice error={actionError} />}
      {drafts.state === 'ok' && list.length === 0 && (
        <p className="empty" data-testid="drafts-empty">
          {needle ? t.drafts.noMatch(needle) : t.home.draftsEmpty}
        </p>
      )}
      {list.length > 0 && (
        <table className="list-table drafts-table">
          <thead>
            <tr>
              <th>{t.drafts.title}</th>
              <th>{t.drafts.signer}</th>
              <th>{t.drafts.progress}</th>
              <th>{t.drafts.updatedAt}</th>
              <th>{t.drafts.status}</th>
              <th>
                <span className="visually-hidden">{t.drafts.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <DraftRow
                key={d.id}
                draft={d}
                busy={busy === d.id}
                onOpen={() => onOpenDraft(d.id)}
                onView={() => d.archiveId && onOpenRecord(d.archiveId)}
                onDuplicate={() => void duplicate(d.id)}
                onDelete={() => void remove(d.id, d.title)}
              />
            ))}
          </tbody>
        </table>
      )}
      {deleted && (
        <Toast
          message={deleted.note ?? t.drafts.deleted(deleted.title)}
          actionLabel={deleted.note ? undefined : t.drafts.undo}
          onAction={() => void undo()}
          onClose={() => setDeleted(null)}
        />
      )}
    </section>
  );
}
