import type { OpenedFile } from '../../electron/shared/dto';
import { Dialog } from '../components/Dialog';
import { useLocale } from '../i18n/locale-context';
import { handOver, type OpenedFileTarget } from './opened-file-handoff';

/**
 * "用 Pledge Desk 打开了…": asks what to do with a file the operating system opened with the app. A PDF can be
 * stamped or verified; a bundle is imported; anything else is explained and dropped.
 */
export function OpenedFileDialog({ file, onGo, onClose }: { file: OpenedFile; onGo: (target: OpenedFileTarget) => void; onClose: () => void }) {
  const { t } = useLocale();
  const go = (target: OpenedFileTarget): void => {
    if (file.kind === 'unsupported') return;
    handOver(target, { fileName: file.fileName, blobId: file.blobId });
    onGo(target);
  };
  return (
    <Dialog heading={t.opened.heading(file.fileName)} onClose={onClose} testId="opened-file-dialog">
      {file.kind === 'unsupported' && (
        <p className="hint hint-error" role="alert">
          {t.opened.problem[file.problem]}
        </p>
      )}
      {file.kind === 'pdf' && <p>{t.opened.pdfHint}</p>}
      {file.kind === 'bundle' && <p>{t.opened.bundleHint}</p>}
      <div className="dialog-actions">
        {file.kind === 'pdf' && (
          <>
            <button type="button" className="btn btn-primary" onClick={() => go('stamp')}>
              {t.opened.stamp}
            </button>
            <button type="button" className="btn" onClick={() => go('verify')}>
              {t.opened.verify}
            </button>
          </>
        )}
        {file.kind === 'bundle' && (
          <button type="button" className="btn btn-primary" onClick={() => go('bundle')}>
            {t.opened.importBundle}
          </button>
        )}
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          {file.kind === 'unsupported' ? t.close : t.opened.cancel}
        </button>
      </div>
    </Dialog>
  );
}
