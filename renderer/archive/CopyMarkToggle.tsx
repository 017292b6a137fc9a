import { useLocale } from '../i18n/locale-context';

/** "标注“副本”": print a copy marked 副本 with the print time and record id (the archived original is unchanged). */
export function CopyMarkToggle({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useLocale();
  return (
    <label className="copy-mark-toggle" title={t.record.copyMarkHint}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid="print-copy-mark" />
      {t.record.copyMark}
    </label>
  );
}
