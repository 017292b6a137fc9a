import { useEffect, useId, useState } from 'react';
import type { ArchiveListItem } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { useAppInfo } from '../api/use-app-info';
import { formatNumber } from '../app/format';
import { useDebounced } from '../app/use-debounced';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Pagination } from '../components/Pagination';
import { useLocale } from '../i18n/locale-context';
import { ArchiveFilters } from './ArchiveFilters';
import { BackupButton } from './BackupButton';
import { ArchiveResults } from './ArchiveResults';
import { BrowserPrintQueue } from './BrowserPrintQueue';
import { DesktopPrintQueue } from './DesktopPrintQueue';
import { RegisterDialog, type RegisterScope } from './RegisterDialog';
import { ExportBundleDialog } from './ExportBundleDialog';
import type { SearchState } from './search-state';
import { INITIAL_SEARCH, MAX_QUERY_CHARS, PAGE_SIZE, pageCount, pageRange, parseSearchState, searchFilter, searchInput, withChange } from './search-state';
import type { Selection } from './selection';
import { EMPTY_SELECTION, selectPage, selectedItems, toggleSelected } from './selection';
import { useArchiveSearch } from './use-archive-search';

const SEARCH_DELAY_MS = 250;
/** The search is kept for the session: back from a record, the same results are shown. */
const STORAGE_KEY = 'pledge-desk:archive-search';

function readStored(): SearchState {
  try {
    return parseSearchState(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null'));
  } catch {
    return INITIAL_SEARCH;
  }
}

/** "档案检索": words and filters, sorted and paged results, and printing or exporting several selected records. */
export function ArchiveScreen({
  onOpenRecord,
  onHome,
  onImportBundle,
}: {
  onOpenRecord: (archiveId: string) => void;
  onHome: () => void;
  onImportBundle: () => void;
}) {
  const { t, locale } = useLocale();
  const queryId = useId();
  const hintId = useId();
  const [state, setState] = useState<SearchState>(readStored);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [printing, setPrinting] = useState<ArchiveListItem[] | null>(null);
  const [register, setRegister] = useState<{ scope: RegisterScope; count: number } | null>(null);
  const [exporting, setExporting] = useState<ArchiveListItem[] | null>(null);
  const info = useAppInfo();
  const [templates] = useApi(() => call('templates.list', {}), []);
  const query = useDebounced(state.query, SEARCH_DELAY_MS);
  const search = useArchiveSearch(searchInput(state, query));
  const n = (v: number): string => formatNumber(v, locale);

  useEffect(() => {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch {
      // Storage may be disabled: the search is then forgotten when a record is opened.
    }
  }, [state]);

  // A stored page beyond the end (records were filtered away meanwhile): show the last page instead.
  const lastPage = search.result ? pageCount(search.result.total, PAGE_SIZE) : null;
  useEffect(() => {
    if (lastPage !== null && !search.pending && state.page > lastPage) setState((s) => ({ ...s, page: lastPage }));
  }, [lastPage, search.pending, state.page]);

  const change = (patch: Partial<SearchState>): void => setState((s) => withChange(s, patch));
  const result = search.result;
  const items = result?.items ?? [];
  const range = result ? pageRange(result.page, result.pageSize, result.total) : null;
  const picked = selectedItems(selection);

  return (
    <div className="archive-screen">
      <section className="panel archive-search" aria-labelledby="archive-search-heading">
        <div className="panel-head">
          <h1 id="archive-search-heading" className="screen-heading">
            {t.search.heading}
          </h1>
          <span className="panel-head-actions">
            <BackupButton native={info?.nativeFileDialogs === true} />
            <button type="button" className="btn btn-small" onClick={onImportBundle} data-action="import-bundle">
              {t.bundleImport.open}
            </button>
            <button type="button" className="btn btn-quiet" onClick={onHome}>
              {t.backHome}
            </button>
          </span>
        </div>
        <label className="visually-hidden" htmlFor={queryId}>
          {t.search.queryLabel}
        </label>
        <input
          id={queryId}
          type="search"
          className="text-input archive-query"
          placeholder={t.search.queryPlaceholder}
          value={state.query}
          maxLength={MAX_QUERY_CHARS}
          aria-describedby={hintId}
          autoFocus
          onChange={(e) => change({ query: e.target.value })}
          data-testid="archive-query"
        />
        <p id={hintId} className="hint">
          {t.search.queryHint}
        </p>
        <ArchiveFilters state={state} templates={templates.state === 'ok' ? templates.value : []} onChange={change} onReset={() => setState({ ...INITIAL_SEARCH, sort: state.sort })} />
      </section>

      <section className="panel archive-results" aria-labelledby="archive-search-heading" aria-busy={search.pending} data-pending={search.pending}>
        <div className="results-head">
          <span className="results-count num" role="status" data-testid="archive-total" data-total={result?.total ?? ''}>
            {search.pending && !result ? t.search.searching : range && result && result.total > 0 ? t.search.range(n(range.first), n(range.last), n(result.total)) : ''}
          </span>
          {search.pending && result && <span className="muted results-pending">{t.search.searching}</span>}
          <span className="selection-bar">
            {picked.length > 0 && (
              <>
                <span data-testid="selection-count">{t.search.selected(n(picked.length))}</span>
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setSelection(EMPTY_SELECTION)}>
                  {t.search.clearSelection}
                </button>
              </>
            )}
            <button type="button" className="btn btn-small btn-primary" disabled={picked.length === 0} onClick={() => setPrinting(picked)} data-action="print-selected">
              {t.search.printSelected}
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={picked.length === 0 && !result?.total}
              title={picked.length === 0 ? t.register.openHint : undefined}
              onClick={() => setRegister(registerScope(picked, state, query, result?.total ?? 0))}
              data-action="export-register"
            >
              {t.register.open}
            </button>
            <button type="button" className="btn btn-small" disabled={picked.length === 0} onClick={() => setExporting(picked)} data-action="export-selected">
              {t.search.exportSelected}
            </button>
          </span>
        </div>
        {search.error && <ErrorNotice error={search.error} onRetry={search.reload} />}
        {!result && !search.error && <Loading />}
        {result && result.total === 0 && (
          <p className="empty" data-testid="archive-empty">
            {t.search.noMatch}
          </p>
        )}
        {items.length > 0 && (
          <ArchiveResults
            items={items}
            selection={selection}
            onToggle={(item) => setSelection((s) => toggleSelected(s, item))}
            onTogglePage={(on) => setSelection((s) => selectPage(s, items, on))}
            onOpen={onOpenRecord}
          />
        )}
        {result && <Pagination page={state.page} pages={pageCount(result.total, PAGE_SIZE)} onPage={(page) => change({ page })} />}
      </section>

      {register && <RegisterDialog scope={register.scope} count={register.count} onClose={() => setRegister(null)} />}

      {printing &&
        (info?.nativeFileDialogs ? (
          <DesktopPrintQueue items={printing} onClose={() => setPrinting(null)} />
        ) : (
          <BrowserPrintQueue items={printing} onClose={() => setPrinting(null)} />
        ))}
      {exporting && <ExportBundleDialog items={exporting} onClose={() => setExporting(null)} />}
    </div>
  );
}

/** The selected records, or (none selected) every result of the search on screen: its filters without paging. */
function registerScope(picked: readonly ArchiveListItem[], state: SearchState, query: string, total: number): { scope: RegisterScope; count: number } {
  if (picked.length > 0) return { scope: { ids: picked.map((item) => item.id) }, count: picked.length };
  return { scope: { filter: searchFilter(state, query) }, count: total };
}
