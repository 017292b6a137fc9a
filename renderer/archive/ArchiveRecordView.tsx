import { useRef, useState } from 'react';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { formatChineseDate, formatDateTime, formatNumber } from '../app/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { t } from '../i18n/t';
import { printPdf } from './print-pdf';

/** One signed pledge: its facts and hashes, a preview of the archived PDF, "另存为…" and "打印". */
export function ArchiveRecordView({ archiveId, onHome }: { archiveId: string; onHome: () => void }) {
  const [record, reload] = useApi(() => call('archive.get', { id: archiveId }), [archiveId]);
  const [info] = useApi(() => call('app.info', {}), []);
  const frame = useRef<HTMLIFrameElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The desktop app saves and prints through native dialogs; a browser uses its own download and print.
  const native = info.state === 'ok' && info.value.nativeFileDialogs;

  if (record.state === 'loading') return <Loading />;
  if (record.state === 'error') return <ErrorNotice error={record.error} onRetry={reload} />;
  const r = record.value;
  const fileName = `${r.title}.pdf`;

  return (
    <div className="record" data-archive-id={r.id}>
      <section className="panel record-facts" aria-labelledby="record-heading">
        <p className="eyebrow">{t.archive.recordHeading}</p>
        <h1 id="record-heading" className="record-title">
          {r.title}
        </h1>
        <dl className="facts">
          <dt>{t.archive.signer}</dt>
          <dd data-testid="record-signer">{r.organisation ? `${r.signer}（${r.organisation}）` : r.signer}</dd>
          <dt>{t.archive.date}</dt>
          <dd>{formatChineseDate(r.date)}</dd>
          <dt>{t.archive.signedAt}</dt>
          <dd data-testid="record-signed-at">{formatDateTime(r.signedAt)}</dd>
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
        <div className="actions">
          {native ? (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="record-save-as"
              onClick={() =>
                void call('archive.export', { id: r.id }).then((res) =>
                  setNotice(res.ok ? (res.value.path ? t.archive.savedTo(res.value.path) : null) : t.error(res.error.code)),
                )
              }
            >
              {t.archive.saveAs}
            </button>
          ) : (
            <a className="btn btn-primary" href={r.pdf.url} download={fileName} data-testid="record-save-as">
              {t.archive.saveAs}
            </a>
          )}
          <button
            type="button"
            className="btn"
            onClick={() =>
              native
                ? void call('archive.print', { id: r.id }).then((res) => setNotice(res.ok ? null : t.error(res.error.code)))
                : printPdf(frame.current, r.pdf.url)
            }
          >
            {t.archive.print}
          </button>
          <button type="button" className="btn btn-quiet" onClick={onHome}>
            {t.backHome}
          </button>
        </div>
        {notice && (
          <p className="hint" role="status">
            {notice}
          </p>
        )}
        <p className="hint">{t.archive.bytes(formatNumber(r.pdf.bytes / 1024, undefined, 1))}</p>
      </section>
      <section className="record-preview" aria-label={t.archive.preview}>
        <iframe ref={frame} title={t.archive.preview} src={r.pdf.url} className="pdf-frame" data-testid="record-pdf" />
      </section>
    </div>
  );
}
