import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

interface Props {
  heading: string;
  onClose: () => void;
  children: ReactNode;
  /** `danger` for irreversible actions: a red top rule. */
  tone?: 'danger';
  wide?: boolean;
  testId?: string;
}

/**
 * A modal dialog on the native `<dialog>`: the rest of the page is inert while it is open, focus starts in
 * it and returns afterwards, and Escape closes it (through `onClose`, so the owner decides).
 */
export function Dialog({ heading, onClose, children, tone, wide, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${tone === 'danger' ? ' dialog-danger' : ''}${wide ? ' dialog-wide' : ''}`}
      aria-labelledby={headingId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={headingId} className="dialog-heading">
        {heading}
      </h2>
      {children}
    </dialog>
  );
}
