import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLocale } from '../i18n/locale-context';

/** The API's limit on a reason's length. */
const MAX_REASON_CHARS = 500;

export interface ReasonDialogProps {
  heading: string;
  children: ReactNode;
  reasonLabel: string;
  reasonHint: string;
  reasonPlaceholder: string;
  confirmLabel: string;
  /** A box the user must tick before confirming (for irreversible actions). */
  acknowledge?: string;
  tone?: 'danger';
  testId: string;
  /** Performs the action; resolves to an error to show, or null when done (the owner then closes the dialog). */
  onConfirm: (reason: string) => Promise<ApiError | null>;
  onClose: () => void;
}

/**
 * Asks for the reason of an action that is logged for good (void, erase), warns that the reason itself stays
 * in the audit log, and, when `acknowledge` is given, asks for an explicit confirmation box.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  const { t } = useLocale();
  const ids = { reason: useId(), hint: useId(), ack: useId() };
  const [reason, setReason] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const ready = reason.trim() !== '' && (props.acknowledge === undefined || acknowledged) && !busy;

  const submit = async (): Promise<void> => {
    if (!ready) return;
    setBusy(true);
    setError(null);
    const failure = await props.onConfirm(reason.trim());
    setBusy(false);
    if (failure) setError(failure);
  };

  return (
    <Dialog heading={props.heading} onClose={props.onClose} tone={props.tone} testId={props.testId}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="dialog-body">{props.children}</div>
        <label className="form-label" htmlFor={ids.reason}>
          {props.reasonLabel}
        </label>
        <textarea
          id={ids.reason}
          className="reason-input"
          value={reason}
          maxLength={MAX_REASON_CHARS}
          placeholder={props.reasonPlaceholder}
          aria-describedby={ids.hint}
          required
          onChange={(e) => setReason(e.target.value)}
          data-testid="reason"
        />
        <p id={ids.hint} className="reason-hint">
          {props.reasonHint}
        </p>
        {props.acknowledge !== undefined && (
          <div className="dialog-ack">
            <input id={ids.ack} type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} data-testid="acknowledge" />
            <label htmlFor={ids.ack}>{props.acknowledge}</label>
          </div>
        )}
        {error && <ErrorNotice error={error} />}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={props.onClose}>
            {t.dialog.cancel}
          </button>
          <button type="submit" className={`btn ${props.tone === 'danger' ? 'btn-danger-solid' : 'btn-primary'}`} disabled={!ready} data-action="confirm">
            {busy ? t.dialog.working : props.confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
