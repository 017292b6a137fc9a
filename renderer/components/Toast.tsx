import { useEffect, useRef } from 'react';
import { useLocale } from '../i18n/locale-context';

/** How long a toast with an undo stays: long enough to notice and reach the button. */
export const TOAST_MS = 8_000;

interface Props {
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  onClose: () => void;
  durationMs?: number;
}

/** A short notice at the bottom of the window with one action ("撤销"); it closes itself after `durationMs`. */
export function Toast({ message, actionLabel, onAction, onClose, durationMs = TOAST_MS }: Props) {
  const { t } = useLocale();
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const timer = setTimeout(() => close.current(), durationMs);
    return () => clearTimeout(timer);
  }, [message, durationMs]);
  return (
    <div className="toast" role="status" aria-live="polite" data-testid="toast">
      <span className="toast-message">{message}</span>
      {actionLabel && onAction && (
        <button type="button" className="btn btn-small toast-action" onClick={onAction}>
          {actionLabel}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t.close} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
