import { useFileDropGuard } from '../app/use-file-drop-guard';
import { useLocale } from '../i18n/locale-context';
import { VerifyAllPanel } from './VerifyAllPanel';
import { VerifyCodePanel } from './VerifyCodePanel';
import { VerifyFilePanel } from './VerifyFilePanel';

/** "核验": a file (PDF, scan or photo), a typed verification code, or the whole archive. */
export function VerifyScreen({ onOpenRecord, onHome }: { onOpenRecord: (id: string) => void; onHome: () => void }) {
  const { t } = useLocale();
  useFileDropGuard();
  return (
    <div className="verify-screen">
      <div className="screen-head">
        <div>
          <h1 className="screen-heading">{t.verify.heading}</h1>
          <p className="hint">{t.verify.intro}</p>
        </div>
        <button type="button" className="btn btn-quiet" onClick={onHome}>
          {t.backHome}
        </button>
      </div>
      <div className="verify-grid">
        <VerifyFilePanel onOpenRecord={onOpenRecord} />
        <VerifyCodePanel onOpenRecord={onOpenRecord} />
      </div>
      <VerifyAllPanel onOpenRecord={onOpenRecord} />
    </div>
  );
}
