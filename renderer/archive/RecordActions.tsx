import { useState } from 'react';
import type { RefObject } from 'react';
import type { ArchiveRecord } from '../../electron/shared/dto';
import { call } from '../api/pledge';
import { formatNumber } from '../app/format';
import { CopiesInput } from '../components/CopiesInput';
import { useLocale } from '../i18n/locale-context';
import { CopyMarkToggle } from './CopyMarkToggle';
import { printInBrowser } from './print-in-browser';

interface Props {
  record: Pick<ArchiveRecord, 'id' | 'title' | 'status' | 'pdf'>;
  /** Desktop: native save and print dialogs (logged by the host). Browser: a download link and the browser's print. */
  native: boolean;
  frame: RefObject<HTMLIFrameElement | null>;
  onNotice: (notice: { text: string; error?: boolean }) => void;
  /** After a logged action (print, save): the record is read again to show its new event. */
  onLogged: () => void;
  onVoid: () => void;
  onRedact: () => void;
}

/**
 * Save a copy, print (with copies on the desktop; optionally marked 副本; every print is logged), 作废,
 * 删除个人信息. An erased record has no PDF to act on.
 */
export function RecordActions({ record, native, frame, onNotice, onLogged, onVoid, onRedact }: Props) {
  const { t, locale } = useLocale();
  const [copies, setCopies] = useState(1);
  const [copyMark, setCopyMark] = useState(false);
  const [printing, setPrinting] = useState(false);
  const hasPdf = record.status !== 'redacted';
  const fileName = `${record.title}-${record.id}.pdf`;

  const print = async (): Promise<void> => {
    setPrinting(true);
    if (!native) {
      const opened = await printInBrowser(record.id, copyMark, frame.current, record.pdf.url);
      setPrinting(false);
      if (!opened.ok) onNotice({ text: t.error(opened.error.code), error: true });
      else {
        onNotice({ text: opened.value.url === record.pdf.url ? t.record.sentToPrint : t.record.openedForPrint });
        onLogged();
      }
      return;
    }
    const res = await call('archive.print', { id: record.id, copies, copyMark });
    setPrinting(false);
    if (!res.ok) onNotice({ text: t.error(res.error.code), error: true });
    else onNotice({ text: res.value.printed ? t.record.printed(formatNumber(copies, locale)) : t.record.printCancelled });
    if (res.ok && res.value.printed) onLogged();
  };

  const save = async (): Promise<void> => {
    const res = await call('archive.export', { id: record.id });
    if (!res.ok) onNotice({ text: t.error(res.error.code), error: true });
    else if (res.value.path) {
      onNotice({ text: t.archive.savedTo(res.value.path) });
      onLogged();
    }
  };

  return (
    <div className="record-actions" data-testid="record-actions">
      {hasPdf && (
        <div className="actions actions-tight">
          {native ? (
            <button type="button" className="btn btn-primary" onClick={() => void save()} data-testid="record-save-as">
              {t.archive.saveAs}
            </button>
          ) : (
            <a className="btn btn-primary" href={record.pdf.url} download={fileName} data-testid="record-save-as">
              {t.archive.saveAs}
            </a>
          )}
          <span className="print-group">
            {native && (
              <CopiesInput label={t.record.copies} value={copies} onChange={setCopies} />
            )}
            <CopyMarkToggle checked={copyMark} onChange={setCopyMark} />
            <button type="button" className="btn" disabled={printing} onClick={() => void print()} data-action="print" title={native ? undefined : t.record.copiesHint}>
              {printing ? t.record.printing : t.archive.print}
            </button>
          </span>
        </div>
      )}
      {hasPdf && (
        <div className="actions actions-grave">
          {record.status !== 'void' && (
            <button type="button" className="btn btn-small" onClick={onVoid} data-action="void">
              {t.record.void}
            </button>
          )}
          <button type="button" className="btn btn-small btn-danger" onClick={onRedact} data-action="redact">
            {t.record.redact}
          </button>
        </div>
      )}
    </div>
  );
}
