import type { DraftSummary } from '../../electron/shared/dto';
import { formatDateTime, formatNumber } from '../app/format';
import { useLocale } from '../i18n/locale-context';

interface Props {
  draft: DraftSummary;
  busy: boolean;
  onOpen: () => void;
  onView: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

/** One draft: title, signer, progress, last change, status, and 继续填写/查看 · 复制 · 删除. */
export function DraftRow({ draft: d, busy, onOpen, onView, onDuplicate, onDelete }: Props) {
  const { t, locale } = useLocale();
  return (
    <tr data-draft-id={d.id} data-status={d.status}>
      <td className="cell-title" data-label={t.drafts.title}>
        {d.title}
      </td>
      <td data-label={t.drafts.signer}>{d.signerName || d.organisation || <span className="muted">{t.drafts.noSigner}</span>}</td>
      <td data-label={t.drafts.progress}>
        <progress max={Math.max(d.fieldCount, 1)} value={d.filled} aria-hidden="true" />{' '}
        <span className="num">{t.drafts.progressText(formatNumber(d.filled, locale), formatNumber(d.fieldCount, locale))}</span>
      </td>
      <td className="num" data-label={t.drafts.updatedAt}>
        {formatDateTime(d.updatedAt, locale)}
      </td>
      <td data-label={t.drafts.status}>{d.status === 'open' ? t.drafts.open : t.drafts.signed}</td>
      <td className="cell-action">
        <span className="row-actions">
          {d.status === 'open' ? (
            <button type="button" className="btn btn-small btn-primary" onClick={onOpen}>
              {t.drafts.resume}
            </button>
          ) : d.archiveId ? (
            <button type="button" className="btn btn-small" onClick={onView}>
              {t.drafts.view}
            </button>
          ) : null}
          <button type="button" className="btn btn-small" disabled={busy} title={t.drafts.duplicateTitle(d.title)} onClick={onDuplicate} data-action="duplicate">
            {t.drafts.duplicate}
          </button>
          <button type="button" className="btn btn-small btn-danger" disabled={busy} title={t.drafts.deleteTitle(d.title)} onClick={onDelete} data-action="delete">
            {t.drafts.delete}
          </button>
        </span>
      </td>
    </tr>
  );
}
