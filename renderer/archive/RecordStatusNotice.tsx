import type { ArchiveRecord } from '../../electron/shared/dto';
import { formatDateTime } from '../app/format';
import { useLocale } from '../i18n/locale-context';
import { latestEvent } from './event-text';

interface Props {
  record: Pick<ArchiveRecord, 'status' | 'events' | 'supersededBy'>;
  onOpenRecord: (id: string) => void;
}

const reasonOf = (details: Record<string, unknown> | undefined): string | null =>
  typeof details?.reason === 'string' && details.reason !== '' ? details.reason : null;

/** Why a record no longer counts as it was signed: voided (when, why), superseded (by which record), erased. */
export function RecordStatusNotice({ record, onOpenRecord }: Props) {
  const { t, locale } = useLocale();
  const n = t.record.notice;
  if (record.status === 'valid') return null;
  if (record.status === 'redacted') {
    const event = latestEvent(record.events, 'redacted');
    const reason = reasonOf(event?.details);
    return (
      <div className="notice notice-status notice-redacted" role="note" data-testid="status-notice">
        <p className="notice-title">{n.redacted(event ? formatDateTime(event.at, locale) : '')}</p>
        {reason && <p>{n.reason(reason)}</p>}
        <p className="muted">{n.redactedHint}</p>
      </div>
    );
  }
  if (record.status === 'void') {
    const event = latestEvent(record.events, 'voided');
    const reason = reasonOf(event?.details);
    return (
      <div className="notice notice-status notice-void" role="note" data-testid="status-notice">
        <p className="notice-title">{n.void(event ? formatDateTime(event.at, locale) : '')}</p>
        {reason && <p>{n.reason(reason)}</p>}
        <p className="muted">{n.voidHint}</p>
      </div>
    );
  }
  return (
    <div className="notice notice-status notice-superseded" role="note" data-testid="status-notice">
      <p className="notice-title">
        {n.superseded}
        {record.supersededBy && (
          <button type="button" className="btn-link hash" onClick={() => onOpenRecord(record.supersededBy as string)}>
            {record.supersededBy}
          </button>
        )}
      </p>
    </div>
  );
}
