import type { ArchiveListItem } from '../../electron/shared/dto';
import { formatDateTime } from '../app/format';
import { StatusBadge } from '../components/StatusBadge';
import { useLocale } from '../i18n/locale-context';
import { isPrintable } from './selection';
import { verificationCode } from './verification-code';

interface Props {
  item: ArchiveListItem;
  selected: boolean;
  onToggle: () => void;
  onOpen: () => void;
}

/** One search result: checkbox, title, signer, organisation, signing time, status, verification code, 查看. */
export function ArchiveResultRow({ item, selected, onToggle, onOpen }: Props) {
  const { t, locale } = useLocale();
  const printable = isPrintable(item);
  return (
    <tr data-archive-id={item.id} data-status={item.status} className={selected ? 'row-selected' : undefined}>
      <td className="cell-check">
        <input
          type="checkbox"
          checked={selected}
          disabled={!printable}
          title={printable ? undefined : t.search.noPdf}
          aria-label={t.search.selectRow(item.title, item.id)}
          onChange={onToggle}
        />
      </td>
      <td className="cell-title" data-label={t.archive.title}>
        {item.title}
      </td>
      <td data-label={t.archive.signer} data-testid="result-signer">
        {item.signer}
      </td>
      <td data-label={t.search.organisation}>{item.organisation ?? ''}</td>
      <td className="num" data-label={t.archive.signedAt}>
        {formatDateTime(item.signedAt, locale)}
      </td>
      <td data-label={t.record.status}>
        <StatusBadge status={item.status} />
      </td>
      <td className="hash code-cell" data-label={t.search.code} data-testid="result-code">
        {verificationCode(item)}
      </td>
      <td className="cell-action">
        <button type="button" className="btn btn-small" onClick={onOpen}>
          {t.archive.view}
        </button>
      </td>
    </tr>
  );
}
