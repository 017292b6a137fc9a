import { useState } from 'react';
import type { ArchiveListItem } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { formatNumber } from '../app/format';
import { CopiesInput } from '../components/CopiesInput';
import { Dialog } from '../components/Dialog';
import { useLocale } from '../i18n/locale-context';
import { CopyMarkToggle } from './CopyMarkToggle';

interface Props {
  items: readonly ArchiveListItem[];
  onClose: () => void;
}

type Outcome = { id: string; title: string } & ({ kind: 'printed' } | { kind: 'cancelled' } | { kind: 'failed'; reason: string });

/**
 * Printing several records on the desktop: `archive.print` for each in turn, with the same copies and 副本
 * option (each print is logged by the host as its record's own event).
 */
export function DesktopPrintQueue({ items, onClose }: Props) {
  const { t, locale } = useLocale();
  const [copies, setCopies] = useState(1);
  const [copyMark, setCopyMark] = useState(false);
  const [current, setCurrent] = useState<number | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const n = (v: number): string => formatNumber(v, locale);

  const start = async (): Promise<void> => {
    const done: Outcome[] = [];
    for (const [i, item] of items.entries()) {
      setCurrent(i);
      const res = await call('archive.print', { id: item.id, copies, copyMark });
      const base = { id: item.id, title: item.title };
      done.push(!res.ok ? { ...base, kind: 'failed', reason: t.error(res.error.code) } : res.value.printed ? { ...base, kind: 'printed' } : { ...base, kind: 'cancelled' });
    }
    setCurrent(null);
    setOutcomes(done);
  };

  const count = (kind: Outcome['kind']): string => n(outcomes?.filter((o) => o.kind === kind).length ?? 0);
  return (
    <Dialog heading={t.printQueue.heading(n(items.length))} onClose={() => current === null && onClose()} testId="print-queue">
      <p className="hint">{t.printQueue.desktopHint}</p>
      <ol className="queue-list">
        {items.map((item) => (
          <li key={item.id}>
            {item.title} <span className="hash">{item.id}</span>
          </li>
        ))}
      </ol>
      {outcomes === null && current === null && (
        <div className="print-group">
          <CopiesInput label={t.printQueue.copies} value={copies} onChange={setCopies} />
          <CopyMarkToggle checked={copyMark} onChange={setCopyMark} />
        </div>
      )}
      {current !== null && (
        <p className="loading" role="status">
          {t.printQueue.printing(n(current + 1), n(items.length))}
        </p>
      )}
      {outcomes && (
        <div role="status">
          <p>{t.printQueue.result(count('printed'), count('cancelled'))}</p>
          {outcomes.map((o) =>
            o.kind === 'failed' ? (
              <p key={o.id} className="hint hint-error">
                {t.printQueue.failed(o.title, o.reason)}
              </p>
            ) : null,
          )}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" disabled={current !== null} onClick={onClose}>
          {outcomes ? t.printQueue.close : t.dialog.cancel}
        </button>
        {outcomes === null && (
          <button type="button" className="btn btn-primary" disabled={current !== null} onClick={() => void start()} data-action="start-printing">
            {t.printQueue.start}
          </button>
        )}
      </div>
    </Dialog>
  );
}
