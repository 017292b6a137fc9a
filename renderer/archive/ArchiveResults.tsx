import { useEffect, useRef } from 'react';
import type { ArchiveListItem } from '../../electron/shared/dto';
import { useLocale } from '../i18n/locale-context';
import { ArchiveResultRow } from './ArchiveResultRow';
import type { Selection } from './selection';
import { pageSelectionState } from './selection';

interface Props {
  items: readonly ArchiveListItem[];
  selection: Selection;
  onToggle: (item: ArchiveListItem) => void;
  onTogglePage: (selected: boolean) => void;
  onOpen: (id: string) => void;
}

/** The results table with a select-all box for the page (indeterminate when only some are picked). */
export function ArchiveResults({ items, selection, onToggle, onTogglePage, onOpen }: Props) {
  const { t } = useLocale();
  const pageState = pageSelectionState(selection, items);
  const all = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (all.current) all.current.indeterminate = pageState === 'some';
  }, [pageState]);
  return (
    <table className="list-table results-table" data-testid="archive-results">
      <thead>
        <tr>
          <th className="cell-check">
            <input ref={all} type="checkbox" checked={pageState === 'all'} aria-label={t.search.selectPage} onChange={(e) => onTogglePage(e.target.checked)} />
          </th>
          <th>{t.archive.title}</th>
          <th>{t.archive.signer}</th>
          <th>{t.search.organisation}</th>
          <th>{t.archive.signedAt}</th>
          <th>{t.record.status}</th>
          <th>{t.search.code}</th>
          <th>
            <span className="visually-hidden">{t.drafts.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <ArchiveResultRow key={item.id} item={item} selected={selection.has(item.id)} onToggle={() => onToggle(item)} onOpen={() => onOpen(item.id)} />
        ))}
      </tbody>
    </table>
  );
}
