import { useRef, useState } from 'react';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { useAppInfo } from '../api/use-app-info';
import { formatChineseDate, formatDateTime, formatNumber } from '../app/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { StatusBadge } from '../components/StatusBadge';
import { useLocale } from '../i18n/locale-context';
import { RecordActions } from './RecordActions';
import { RecordEvents } from './RecordEvents';
import { RecordScans } from './RecordScans';
import { RecordSigner } from './RecordSigner';
import { RecordStatusNotice } from './RecordStatusNotice';
import { RedactDialog } from './RedactDialog';
import { useReveal } from './use-reveal';
import { verificationCode } from './verification-code';
import { VoidDialog } from './VoidDialog';

interface Props {
  archiveId: string;
  /** The way back: to the search, the verify screen or home; `backLabel` says where. */
  onBack: () => void;
  backLabel: string;
  onOpenRecord: (archiveId: string) => void;
}

/**
 * One archived pledge: status (and why it changed), facts and hashes, the signer with personal data masked
 * until asked for, scans of the paper copy, the audit log, and the actions: save, print, 作废, 删除个人信息,
 * 附加扫描件. The archived PDF is previewed beside it (an erased record keeps only the PDF's hash).
 */
export function ArchiveRecordView({ archiveId, onBack, backLabel, onOpenRecord }: Props) {
  const { t, locale } = useLocale();
  // Always read masked: a reload must never reveal (and log) again. The reveal is its own, clicked call.
  const [record, reload] = useApi(() => call('archive.get', { id: archiveId }), [archiveId], { keepPrevious: true });
  const reveal = useReveal(archiveId, reload);
  const info = useAppInfo();
  const frame = useRef<HTMLIFrameElement>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [dialog, setDialog] = useState<'void' | 'redact' | null>(null);
  // The desktop app saves and prints through native dialogs; a browser uses its own download and print.
  const native = info?.nativeFileDialogs === true;

  if (record.state === 'loading') return <Loading />;
  if (record.state === 'error') {
    return (
      <div className="panel">
        <ErrorNotice error={record.error} onRetry={reload} />
        <button type="button" className="btn" onClick={onBack}>
          {backLabel}
        </button>
      </div>
    );
  }
  // The revealed details replace the masked ones only while the record still has personal data to show.
  const r = reveal.shown && record.value.personalData === 'masked' ? { ...record.value, ...reveal.shown, personalData: 'revealed' as const } : record.value;
  const erased = r.status === 'redacted';
  const onReveal = (show: boolean): void => {
    if (!show) return reveal.hide();
    void reveal.show().then((error) => error && setNotice({ text: t.error(error.code), error: true }));
  };

  return (
    <div className="record" data-archive-id={r.id} data-status={r.status}>
      <div className="record-main">
        <section className="panel record-facts" aria-labelledby="record-heading">
          <div className="record-head">
            <p className="eyebrow">{t.archive.recordHeading}</p>
            <button type="button" className="btn btn-quiet btn-small" onClick={onBack} data-action="back">
              {backLabel}
            </button>
          </div>
          <h1 id="record-heading" className="record-title">
            {r.title}
          </h1>
          <p className="record-status">
            <StatusBadge status={r.status} />
          </p>
          <RecordStatusNotice record={r} onOpenRecord={onOpenRecord} />
          <dl className="facts">
            <dt>{t.archive.signer}</dt>
            <dd data-testid="record-signer">{r.organisation ? `${r.signer}（${r.organisation}）` : r.signer}</dd>
            <dt>{t.archive.date}</dt>
            <dd>{formatChineseDate(r.date)}</dd>
            <dt>{t.archive.signedAt}</dt>
            <dd data-testid="record-signed-at">{formatDateTime(r.signedAt, locale)}</dd>
            <dt>{t.record.id}</dt>
            <dd className="hash" data-testid="record-id">
              {r.id}
            </dd>
            <dt>{t.record.code}</dt>
            <dd className="hash" data-testid="record-code">
              {verificationCode(r)}
            </dd>
            <dt>{t.archive.fileSha256}</dt>
            <dd className="hash" data-testid="record-file-sha256">
              {r.fileSha256}
            </dd>
            <dt>{t.archive.contentHashFull}</dt>
            <dd className="hash" data-testid="record-content-hash">
              {r.contentHash}
            </dd>
          </dl>
          <p className="hint">{t.archive.hashHint}</p>
          <RecordActions
            record={r}
            native={native}
            frame={frame}
            onNotice={setNotice}
            onLogged={reload}
            onVoid={() => setDialog('void')}
            onRedact={() => setDialog('redact')}
          />
          {notice && (
            <p className={notice.error ? 'hint hint-error' : 'hint hint-ok'} role="status" data-testid="record-notice">
              {notice.text}
            </p>
          )}
          {!erased && <p className="hint">{t.archive.bytes(formatNumber(r.pdf.bytes / 1024, locale, 1))}</p>}
        </section>
        <RecordSigner record={r} onReveal={onReveal} busy={reveal.pending} />
        <RecordScans recordId={r.id} scans={r.scans} canAttach={!erased} native={native} onAttached={reload} />
        <RecordEvents events={r.events} />
      </div>
      <section className="record-preview" aria-label={t.archive.preview}>
        {erased ? (
          <div className="pdf-erased" data-testid="record-pdf-erased">
            <p>{t.record.pdfErased}</p>
            <p className="hash">{r.fileSha256}</p>
          </div>
        ) : (
          <iframe ref={frame} title={t.archive.preview} src={r.pdf.url} className="pdf-frame" data-testid="record-pdf" />
        )}
      </section>
      {dialog === 'void' && (
        <VoidDialog
          recordId={r.id}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setNotice({ text: t.record.voided });
            reload();
          }}
        />
      )}
      {dialog === 'redact' && (
        <RedactDialog
          recordId={r.id}
          title={r.title}
          onClose={() => setDialog(null)}
          onDone={(files) => {
            setDialog(null);
            reveal.hide();
            setNotice({ text: t.record.redactedDone(formatNumber(files, locale)) });
            reload();
          }}
        />
      )}
    </div>
  );
}
