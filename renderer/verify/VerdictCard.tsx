import type { ReactNode } from 'react';
import type { ArchiveListItem } from '../../electron/shared/dto';
import { StatusBadge } from '../components/StatusBadge';
import { useLocale } from '../i18n/locale-context';
import type { VerdictText } from './verdict';

interface Props {
  verdict: VerdictText;
  record?: ArchiveListItem;
  onOpenRecord: (id: string) => void;
  testId: string;
  children?: ReactNode;
}

/** A verdict: a coloured headline, what it means, the content-hash line, the record it names with a link. */
export function VerdictCard({ verdict, record, onOpenRecord, testId, children }: Props) {
  const { t } = useLocale();
  const mark = verdict.tone === 'ok' ? '✓' : verdict.tone === 'warn' ? '!' : '✕';
  return (
    <div className={`verdict verdict-${verdict.tone}`} role="status" data-testid={testId} data-tone={verdict.tone}>
      <p className="verdict-headline">
        <span className="verdict-mark" aria-hidden="true">
          {mark}
        </span>
        <span data-testid={`${testId}-headline`}>{verdict.headline}</span>
      </p>
      <p className="verdict-body">{verdict.body}</p>
      {verdict.hashLine && (
        <p className={`verdict-hash verdict-hash-${verdict.hashLine.matches === null ? 'absent' : verdict.hashLine.matches ? 'match' : 'mismatch'}`} data-testid={`${testId}-hash`}>
          {verdict.hashLine.text}
        </p>
      )}
      {record && (
        <div className="verdict-record">
          <span className="cell-title">{record.title}</span>
          <span>{record.organisation ? `${record.signer}（${record.organisation}）` : record.signer}</span>
          <StatusBadge status={record.status} />
        </div>
      )}
      {verdict.recordId && (
        <button type="button" className="btn btn-small" onClick={() => onOpenRecord(verdict.recordId as string)} data-action="open-record">
          {t.verify.openRecord(verdict.recordId)}
        </button>
      )}
      {children}
    </div>
  );
}
