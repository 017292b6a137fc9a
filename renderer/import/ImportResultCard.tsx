import { templateCounts } from '../editor/template-counts';
import { t } from '../i18n/t';
import type { ImportEntry } from './import-entries';

const short = (version: string): string => version.slice(0, 8);

/** One pledge found in the document: title, what it holds, its warnings in Chinese, and "检查并编辑". */
export function ImportResultCard({ entry, index, onReview }: { entry: ImportEntry; index: number; onReview: () => void }) {
  const { template, stored } = entry;
  return (
    <li className="import-card" data-template-id={template.id} data-index={index}>
      <div className="import-card-main">
        <h3 className="import-title">
          <span className="import-ordinal">{index + 1}</span>
          {template.title}
        </h3>
        <p className="import-counts">{t.importer.counts(templateCounts(template))}</p>
        {template.warnings.length === 0 ? (
          <p className="import-ok">{t.importer.noWarnings}</p>
        ) : (
          <ul className="import-warnings" aria-label={t.importer.warningsLabel}>
            {template.warnings.map((w) => (
              <li key={w.code} data-warning-code={w.code}>
                {t.importWarning(w.code, w.message)}
              </li>
            ))}
          </ul>
        )}
        {(entry.edited || stored) && (
          <p className="import-status" data-testid="import-status">
            {stored
              ? stored.fromEditor
                ? t.importer.savedFromEditor(short(stored.version))
                : `${stored.isNewVersion ? t.importer.importedOne : t.importer.alreadyStored} · ${t.importer.version(short(stored.version))}`
              : t.importer.editedUnsaved}
          </p>
        )}
      </div>
      <button type="button" className="btn" onClick={onReview}>
        {t.importer.review}
      </button>
    </li>
  );
}
