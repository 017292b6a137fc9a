import type { ApiError } from '../../electron/shared/api-error';
import { call } from '../api/pledge';
import { useLocale } from '../i18n/locale-context';
import { ReasonDialog } from './ReasonDialog';

interface Props {
  recordId: string;
  title: string;
  onDone: (erasedFiles: number) => void;
  onClose: () => void;
}

/**
 * "删除个人信息": says exactly what is erased for good (personal data, search entries, the PDF, scans) and what
 * stays (the row, the PDF's hash as a tombstone, the log), asks for a reason and an explicit confirmation,
 * then calls `archive.redact`.
 */
export function RedactDialog({ recordId, title, onDone, onClose }: Props) {
  const { t } = useLocale();
  const r = t.redactDialog;
  const confirm = async (reason: string): Promise<ApiError | null> => {
    const res = await call('archive.redact', { id: recordId, reason });
    if (!res.ok) return res.error;
    onDone(res.value.erasedFiles);
    return null;
  };
  return (
    <ReasonDialog
      heading={r.heading}
      reasonLabel={r.reasonLabel}
      reasonHint={r.reasonHint}
      reasonPlaceholder={r.reasonPlaceholder}
      confirmLabel={r.confirm}
      acknowledge={r.acknowledge}
      tone="danger"
      testId="redact-dialog"
      onConfirm={confirm}
      onClose={onClose}
    >
      <p className="dialog-subject">
        {title} <span className="hash">{recordId}</span>
      </p>
      <p>{r.body}</p>
      <ul className="erase-list">
        <li>{r.erases.personal}</li>
        <li>{r.erases.search}</li>
        <li>{r.erases.pdf}</li>
        <li>{r.erases.scans}</li>
      </ul>
      <p className="muted">{r.keeps}</p>
    </ReasonDialog>
  );
}
