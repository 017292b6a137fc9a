import type { ArchiveStatus } from '../../electron/shared/dto';
import { useLocale } from '../i18n/locale-context';

/** 有效 / 已作废 / 已被更正 / 已删除个人信息 as a small coloured label. */
export function StatusBadge({ status }: { status: ArchiveStatus }) {
  const { t } = useLocale();
  return (
    <span className={`badge badge-${status}`} data-status={status} data-testid="status-badge">
      {t.status[status]}
    </span>
  );
}
