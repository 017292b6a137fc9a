import { useRef, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { ArchiveListItem } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { formatNumber } from '../app/format';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useLocale } from '../i18n/locale-context';
import { CopyMarkToggle } from './CopyMarkToggle';
import { printInBrowser } from './print-in-browser';

interface Props {
  items: readonly ArchiveListItem[];
  onClose: () => void;
}

/**
 * Printing several records in a browser: one PDF at a time in a preview, "打印这一份" logs the print
 * (`archive.printInBrowser`, its record's own event) and opens the browser's print dialog for it, or a new
 * window with the copy marked 副本 (printer and copies are chosen there); "下一份" moves on.
 */
export function BrowserPrintQueue({ items, onClose }: Props) {
  const { t, locale } = useLocale();
  const [index, setIndex] = useState(0);
  const [printed, setPrinted] = useState<ReadonlySet<string>>(new Set());
  const [copyMark, setCopyMark] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
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
      {failure && <ErrorNotice error={failure} />}
      {record.state === 'ok' && <iframe ref={frame} title={item.title} src={record.value.pdf.url} className="pdf-frame queue-frame" data-testid="queue-pdf" />}
      <div className="dialog-actions">
        <CopyMarkToggle checked={copyMark} onChange={setCopyMark} />
        <button type="button" className="btn" onClick={onClose}>
          {t.printQueue.close}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={record.state !== 'ok' || busy}
          onClick={() => {
            if (record.state !== 'ok') return;
            setBusy(true);
            setFailure(null);
            void printInBrowser(item.id, copyMark, frame.current, record.value.pdf.url).then((res) => {
              setBusy(false);
              if (res.ok) setPrinted((p) => new Set(p).add(item.id));
              else setFailure(res.error);
            });
          }}
          data-action="print-one"
        >
          {t.printQueue.print}
        </button>
        {!last && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setFailure(null);
              setIndex(index + 1);
            }}
            data-action="next-in-queue"
          >
            {t.printQueue.next}
          </button>
        )}
      </div>
    </Dialog>
  );
}
