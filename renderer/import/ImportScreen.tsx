import { useId, useRef, useState } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { Template } from '../../electron/shared/template';
import { call, putBlob } from '../api/pledge';
import { useFileDropGuard } from '../app/use-file-drop-guard';
import { ErrorNotice } from '../components/ErrorNotice';
import { useDropZone } from '../components/use-drop-zone';
import { templateAsPlainText } from '../editor/plain-text';
import { TemplateEditor } from '../editor/TemplateEditor';
import { t } from '../i18n/t';
import type { ImportEntry } from './import-entries';
import { allStored, bulkImportPlan, entriesOf, withImported } from './import-entries';
import type { ImportSource } from './import-source';
import { IMPORT_ACCEPT, checkImportFile, sourceInput } from './import-source';
import { ImportResultCard } from './ImportResultCard';

interface ParseResult {
  source: ImportSource;
  /** The templates exactly as parsed (the editor's left pane for a file shows these). */
  parsed: Template[];
  entries: ImportEntry[];
}

/** "导入承诺书": paste text or choose / drop a file, review what was found, edit a pledge, import them all. */
export function ImportScreen({ onHome }: { onHome: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<ParseResult | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [importedCount, setImportedCount] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = { text: useId(), file: useId(), heading: useId() };

  useFileDropGuard();

  const parse = async (source: ImportSource): Promise<void> => {
    setBusy(t.importer.parsing);
    const res = await call('templates.parse', sourceInput(source));
    setBusy(null);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    if (res.value.templates.length === 0) {
      setError({ code: 'IMPORT_EMPTY', message: 'no pledge was found' });
      return;
    }
    setResult({ source, parsed: res.value.templates, entries: entriesOf(res.value.templates) });
  };

  const start = (): void => {
    setError(null);
    setResult(null);
    setImportedCount(null);
  };

  const parseText = async (): Promise<void> => {
    start();
    if (text.trim() === '') {
      setError({ code: 'IMPORT_EMPTY', message: 'nothing was pasted' });
      return;
    }
    await parse({ kind: 'text', text });
  };

  const parseFile = async (file: File): Promise<void> => {
    start();
    const checked = checkImportFile(file);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setBusy(t.importer.reading(file.name));
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch (err) {
      setBusy(null);
      setError({ code: 'IMPORT_DAMAGED', message: err instanceof Error ? err.message : String(err) });
      return;
    }
    const put = await putBlob(bytes);
    if (!put.ok) {
      setBusy(null);
      setError(put.error);
      return;
    }
    await parse({ kind: 'file', fileName: file.name, blobId: put.value.blobId });
  };

  const importAll = async (): Promise<void> => {
    if (!result) return;
    setError(null);
    setBusy(t.importer.importing);
    const plan = bulkImportPlan(result.entries);
    let entries = result.entries;
    if (plan.kind === 'import') {
      const res = await call('templates.import', sourceInput(result.source));
      if (res.ok) entries = withImported(entries, res.value.templates);
      else setError(res.error);
    } else {
      for (const index of plan.indexes) {
        const entry = entries[index] as ImportEntry;
        const res = await call('templates.save', { template: entry.template });
        if (!res.ok) {
          setError(res.error);
          break;
        }
        const stored = { version: res.value.version, isNewVersion: res.value.isNewVersion, fromEditor: false };
        entries = entries.map((e, i) => (i === index ? { ...e, template: { ...e.template, version: stored.version }, stored } : e));
      }
    }
    setBusy(null);
    setResult({ ...result, entries });
    if (allStored(entries)) setImportedCount(entries.length);
  };

  const updateEntry = (index: number, change: (entry: ImportEntry) => ImportEntry): void =>
    setResult((r) => (r ? { ...r, entries: r.entries.map((e, i) => (i === index ? change(e) : e)) } : r));

  const drop = useDropZone((file) => void parseFile(file));
  const dragging = drop.dragging;

  if (result && editing !== null) {
    const entry = result.entries[editing];
    const parsed = result.parsed[editing];
    if (entry && parsed) {
      return (
        <TemplateEditor
          key={`import-${editing}`}
          initial={entry.template}
          sourceText={result.source.kind === 'text' ? result.source.text : templateAsPlainText(parsed)}
          sourceHint={result.source.kind === 'text' ? t.editor.sourceHint : t.importer.fromFile(result.source.fileName)}
          backLabel={t.editor.backToImport}
          locateOnOpen={result.source.kind === 'text'}
          onBack={(template, dirty) => {
            updateEntry(editing, (e) => ({ template, edited: e.edited || dirty, stored: dirty ? undefined : e.stored }));
            setEditing(null);
            window.scrollTo(0, 0);
          }}
          onSaved={(template, saved) => {
            updateEntry(editing, () => ({
              template,
              edited: true,
              stored: { version: saved.version, isNewVersion: saved.isNewVersion, fromEditor: true },
            }));
            setImportedCount(null);
          }}
        />
      );
    }
  }

  const rest = result ? result.entries.filter((e) => !e.stored).length : 0;
  const plan = result ? bulkImportPlan(result.entries) : null;

  return (
    <div className="import-screen">
      <section
        className={`panel import-input${dragging ? ' import-dragging' : ''}`}
        aria-labelledby={ids.heading}
        data-testid="import-drop"
        {...drop.handlers}
      >
        <div className="panel-head">
          <h2 id={ids.heading}>{t.importer.heading}</h2>
          <button type="button" className="btn btn-quiet" onClick={onHome}>
            {t.backHome}
          </button>
        </div>
        <p className="hint import-intro">{t.importer.intro}</p>
        <label className="form-label" htmlFor={ids.text}>
          {t.importer.pasteLabel}
        </label>
        <textarea
          id={ids.text}
          className="import-textarea"
          placeholder={t.importer.pastePlaceholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
        />
        <div className="import-actions">
          <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void parseText()}>
            {t.importer.parseText}
          </button>
          <span className="muted">{t.importer.or}</span>
          <input
            ref={fileInput}
            id={ids.file}
            type="file"
            className="visually-hidden"
            accept={IMPORT_ACCEPT}
            disabled={busy !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void parseFile(file);
            }}
          />
          <label htmlFor={ids.file} className={`btn${busy !== null ? ' btn-disabled' : ''}`}>
            {t.importer.chooseFile}
          </label>
          <span className="hint">
            {dragging ? t.importer.dropNow : `${t.importer.fileFormats}；${t.importer.dropHint}`}
          </span>
        </div>
        {busy && (
          <p className="loading" aria-busy="true" role="status">
            {busy}
          </p>
        )}
        {error && <ErrorNotice error={error} />}
      </section>

      {result && (
        <section className="panel import-result" aria-label={t.importer.resultHeading(result.entries.length)} data-testid="import-result">
          <div className="panel-head">
            <div>
              <h2>{t.importer.resultHeading(result.entries.length)}</h2>
              <p className="hint">
                {result.source.kind === 'file'
                  ? t.importer.fromFile(result.source.fileName)
                  : t.importer.fromText(result.source.text.length)}
              </p>
            </div>
            <div className="actions actions-tight">
              {rest > 0 && (
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy !== null}
                  onClick={() => void importAll()}
                  data-action="import-all"
                >
                  {plan?.kind === 'import' ? t.importer.importAll : t.importer.importRest(rest)}
                </button>
              )}
              {importedCount !== null && (
                <button type="button" className="btn btn-primary" onClick={onHome}>
                  {t.importer.toHome}
                </button>
              )}
            </div>
          </div>
          {importedCount !== null && (
            <div className="notice notice-ok" role="status" data-testid="import-done">
              {t.importer.imported(importedCount)}
            </div>
          )}
          <ol className="import-list">
            {result.entries.map((entry, i) => (
              <ImportResultCard
                key={i}
                entry={entry}
                index={i}
                onReview={() => {
                  setEditing(i);
                  window.scrollTo(0, 0);
                }}
              />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
