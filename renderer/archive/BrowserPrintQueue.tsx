import { useRef, useState } from 'react';
import type { ArchiveListItem } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { formatNumber } from '../app/format';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useLocale } from '../i18n/locale-context';
import { printPdf } from './print-pdf';

interface Props {
  items: readonly ArchiveListItem[];
  onClose: () => void;
}

/**
 * Printing several records in a browser: one PDF at a time in a preview, "打印这一份" opens the browser's print
 * dialog for it (printer and copies are chosen there), "下一份" moves on.
 */
export function BrowserPrintQueue({ items, onClose }: Props) {
  const { t, locale } = useLocale();
  const [index, setIndex] = useState(0);
  const [printed, setPrinted] = useState<ReadonlySet<string>>(new Set());
  const frame = useRef<HTMLIFrameElement>(null);
  const item = items[index] as ArchiveListItem;
  const [record, reload] = useApi(() => call('archive.get', { id: item.id }), [item.id]);
  const n = (v: number): string => formatNumber(v, locale);
  const last = index >= items.length - 1;

  return (
    <Dialog heading={t.printQueue.heading(n(items.length))} onClose={onClose} wide testId="print-queue">
      <p className="hint">{t.printQueue.browserHint}</p>
      <div className="queue-head">
        <span className="queue-position num" data-testid="queue-position">
          {t.printQueue.item(n(index + 1), n(items.length))}
        </span>
        <span className="queue-title">{item.title}</span>
        <span className="hash">{item.id}</span>
        {printed.has(item.id) && <span className="badge badge-valid">{t.printQueue.printedMark}</span>}
      </div>
      {record.state === 'loading' && <Loading />}
      {record.state === 'error' && <ErrorNotice error={record.error} onRetry={reload} />}
      {record.state === 'ok' && <iframe ref={frame} title={item.title} src={record.value.pdf.url} className="pdf-frame queue-frame" data-testid="queue-pdf" />}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t.printQueue.close}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={record.state !== 'ok'}
          onClick={() => {
            if (record.state !== 'ok') return;
            printPdf(frame.current, record.value.pdf.url);
            setPrinted((p) => new Set(p).add(item.id));
          }}
          data-action="print-one"
        >
          {t.printQueue.print}
        </button>
        {!last && (
          <button type="button" className="btn" onClick={() => setIndex(index + 1)} data-action="next-in-queue">
            {t.printQueue.next}
          </button>
        )}
      </div>
    </Dialog>
  );
}
