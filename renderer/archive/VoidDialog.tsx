import type { ApiError } from '../../electron/shared/api-error';
import { call } from '../api/pledge';
import { useLocale } from '../i18n/locale-context';
import { ReasonDialog } from './ReasonDialog';

interface Props {
  recordId: string;
  onDone: () => void;
  onClose: () => void;
}

/** "作废": asks for a reason (kept in the audit log for good, so no personal data) and calls `archive.void`. */
export function VoidDialog({ recordId, onDone, onClose }: Props) {
  const { t } = useLocale();
  const confirm = async (reason: string): Promise<ApiError | null> => {
    const res = await call('archive.void', { id: recordId, reason });
    if (!res.ok) return res.error;
    onDone();
    return null;
  };
  return (
    <ReasonDialog
      heading={t.voidDialog.heading}
      reasonLabel={t.voidDialog.reasonLabel}
      reasonHint={t.voidDialog.reasonHint}
      reasonPlaceholder={t.voidDialog.reasonPlaceholder}
      confirmLabel={t.voidDialog.confirm}
      testId="void-dialog"
      onConfirm={confirm}
      onClose={onClose}
    >
      <p>{t.voidDialog.body}</p>
    </ReasonDialog>
  );
}
