import { formatNumber } from '../app/format';
import { useLocale } from '../i18n/locale-context';

interface Props {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** 上一页 · 第 x / y 页 · 下一页; hidden when everything fits on one page. */
export function Pagination({ page, pages, onPage }: Props) {
  const { t, locale } = useLocale();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t.pagination.label} data-testid="pagination">
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)} data-action="previous-page">
        {t.pagination.previous}
      </button>
      <span className="pagination-page num" aria-current="page">
        {t.pagination.page(formatNumber(page, locale), formatNumber(pages, locale))}
      </span>
      <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)} data-action="next-page">
        {t.pagination.next}
      </button>
    </nav>
  );
}
