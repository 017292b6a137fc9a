import { useRef } from 'react';
import { call } from '../api/pledge';
import { useApi } from '../api/use-api';
import { formatChineseDate, formatDateTime } from '../app/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { t } from '../i18n/t';
import { printPdf } from './print-pdf';

/** One signed pledge: its facts and hashes, a preview of the archived PDF, "另存为…" and "打印". */
export function ArchiveRecordView({ archiveId, onHome }: { archiveId: string; onHome: () => void }) {
  const [record, reload] = useApi(() => call('archive.get', { id: archiveId }), [archiveId]);
  const frame = useRef<HTMLIFrameElement>(null);

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
          <a className="btn btn-primary" href={r.pdf.url} download={fileName} data-testid="record-save-as">
            {t.archive.saveAs}
          </a>
          <button type="button" className="btn" onClick={() => printPdf(frame.current, r.pdf.url)}>
            {t.archive.print}
          </button>
          <button type="button" className="btn btn-quiet" onClick={onHome}>
            {t.backHome}
          </button>
        </div>
        <p className="hint">{t.archive.bytes(r.pdf.bytes)}</p>
      </section>
      <section className="record-preview" aria-label={t.archive.preview}>
        <iframe ref={frame} title={t.archive.preview} src={r.pdf.url} className="pdf-frame" data-testid="record-pdf" />
      </section>
    </div>
  );
}
