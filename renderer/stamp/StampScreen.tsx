import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent, DragEvent } from 'react';
import type { ApiError } from '../../electron/shared/api-error';
import type { PdfInspectionDto, Signer, StampResultDto } from '../../electron/shared/dto';
import { call, putBlob } from '../api/pledge';
import { blobAsFile, takeHandedOver } from '../app/opened-file-handoff';
import { useFileDropGuard } from '../app/use-file-drop-guard';
import { ErrorNotice } from '../components/ErrorNotice';
import { t } from '../i18n/t';
import { processUploadedImage } from '../wizard/image-canvas';
import { SavedImages } from '../wizard/SavedImages';
import { useProfileAssets } from '../wizard/use-profile-assets';
import { PdfPageView } from './PdfPageView';
import type { PDFDocumentProxy } from './pdf-preview';
import { openPreview } from './pdf-preview';
import { PlacementBox } from './PlacementBox';
import type { PlacedBox, StampWhat } from './PlacementBox';
import { pageToScreen } from './screen-to-page';
import { PAGE_CSS_WIDTH, defaultBox, dropOnto, formatDate, looksLikePdf, placementsOf, todayIso, unplaced } from './stamp-model';
import { StampFormFields } from './StampFormFields';
import { StampProfilePicker } from './StampProfilePicker';
import { StampSignaturePad } from './StampSignaturePad';
import './stamp.css';

/** The PDF being stamped: its upload, what the host found in it and the preview. */
interface Source {
  fileName: string;
  bytes: ArrayBuffer;
  blobId: string;
  password?: string;
  inspection: PdfInspectionDto;
}

const IMAGE_ACCEPT = 'image/png,image/jpeg';
let nextBoxId = 1;

/** "给已有 PDF 盖章": open a PDF, place signature, seal and date on its pages, stamp it and archive the result. */
export function StampScreen({ onHome, onOpenRecord }: { onHome: () => void; onOpenRecord: (archiveId: string) => void }) {
  const ids = { file: useId(), password: useId(), name: useId(), type: useId(), date: useId(), format: useId(), page: useId(), seal: useId(), sigFile: useId() };
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pending, setPending] = useState<{ fileName: string; bytes: ArrayBuffer; blobId: string; wrong: boolean } | null>(null);
  const [password, setPassword] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [previewFailed, setPreviewFailed] = useState(false);

  const [signerName, setSignerName] = useState('');
  const [signerType, setSignerType] = useState<Signer['type']>('个人');
  const [profileId, setProfileId] = useState<string | null>(null);
  const [sigMode, setSigMode] = useState<'draw' | 'upload'>('draw');
  const [drawn, setDrawn] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [seal, setSeal] = useState<string | null>(null);
  const [date, setDate] = useState(todayIso());
  const [dateFormat, setDateFormat] = useState<'zh' | 'iso'>('zh');
  const [crossPageSeal, setCrossPageSeal] = useState(false);
  const [flattenForm, setFlattenForm] = useState(false);
  const [formValues, setFormValues] = useState<Record<string, string>>({});

  const [boxes, setBoxes] = useState<PlacedBox[]>([]);
  const [targetPage, setTargetPage] = useState(0);
  const [result, setResult] = useState<StampResultDto | null>(null);
  const [missing, setMissing] = useState(false);
  const sheets = useRef(new Map<number, HTMLDivElement>());
  const fileInput = useRef<HTMLInputElement>(null);

  useFileDropGuard();
  useEffect(() => () => void doc?.destroy(), [doc]);

  const signature = sigMode === 'draw' ? drawn : uploaded;
  const saved = useProfileAssets(profileId, signerName);
  const pages = source?.inspection.pages ?? [];

  const reset = (): void => {
    setError(null);
    setPending(null);
    setSource(null);
    setDoc(null);
    setPreviewFailed(false);
    setBoxes([]);
    setResult(null);
    setPassword('');
    setFormValues({});
    setFlattenForm(false);
  };

  /** Asks the host what the PDF holds; a PDF that needs a password asks for it instead. */
  const inspect = async (file: { fileName: string; bytes: ArrayBuffer; blobId: string }, pass?: string): Promise<void> => {
    setBusy(t.stamp.inspecting);
    const res = await call('stamping.inspect', { blobId: file.blobId, ...(pass !== undefined ? { password: pass } : {}) });
    setBusy(null);
    if (!res.ok) {
      if (res.error.code === 'PDF_ENCRYPTED') {
        setPending({ ...file, wrong: pass !== undefined });
        return;
      }
      setError(res.error);
      return;
    }
    if (res.value.encrypted === 'needs-password' && pass === undefined) {
      setPending({ ...file, wrong: false });
      return;
    }
    setPending(null);
    const inspected: Source = { ...file, inspection: res.value, ...(pass !== undefined ? { password: pass } : {}) };
    setSource(inspected);
    setTargetPage(Math.max(0, res.value.pageCount - 1));
    try {
      setDoc(await openPreview(file.bytes, pass));
    } catch {
      // The host could read it, so it can still be stamped (at the default place): only the preview is missing.
      setPreviewFailed(true);
    }
  };

  const openFile = async (file: File): Promise<void> => {
    reset();
    setBusy(t.stamp.reading(file.name));
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch (err) {
      setBusy(null);
      setError({ code: 'PDF_DAMAGED', message: err instanceof Error ? err.message : String(err) });
      return;
    }
    if (!looksLikePdf(new Uint8Array(bytes))) {
      setBusy(null);
      setError({ code: 'PDF_NOT_PDF', message: bytes.byteLength === 0 ? `${file.name}: the file is empty` : `${file.name}: no %PDF- header` });
      return;
    }
    const put = await putBlob(bytes);
    if (!put.ok) {
      setBusy(null);
      setError(put.error);
      return;
    }
    await inspect({ fileName: file.name, bytes, blobId: put.value.blobId });
  };

  // A PDF opened with the app ("Open with", a double-click) arrives stored; its bytes are needed for the preview.
  useEffect(() => {
    const handed = takeHandedOver('stamp');
    if (!handed) return;
    blobAsFile(handed, 'application/pdf').then(openFile, (err: unknown) =>
      setError({ code: 'BLOB_NOT_FOUND', message: err instanceof Error ? err.message : String(err) }),
    );
  }, []);

  const onPick = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void openFile(file);
  };
  const onDrop = (e: DragEvent<HTMLElement>): void => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void openFile(file);
  };

  const onImage = (kind: 'signature' | 'seal') => async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (!/^image\/(png|jpeg)$/.test(file.type)) {
      setError({ code: 'INVALID_IMAGE', message: `${file.name}: PNG or JPEG expected` });
      return;
    }
    setError(null);
    const png = await processUploadedImage(file, kind).catch(() => null);
    if (!png) {
      setError({ code: 'INVALID_IMAGE', message: `${file.name}: no usable image` });
      return;
    }
    if (kind === 'seal') setSeal(png);
    else setUploaded(png);
  };

  const addBox = (what: StampWhat): void => {
    const page = pages[targetPage];
    if (!page) return;
    setResult(null);
    setBoxes((bs) => [...bs, { id: `b${nextBoxId++}`, what, page: targetPage, box: defaultBox(what, page), everyPage: false }]);
  };
  const updateBox = (id: string, change: (b: PlacedBox) => PlacedBox): void => setBoxes((bs) => bs.map((b) => (b.id === id ? change(b) : b)));
  const removeBox = (id: string): void => setBoxes((bs) => bs.filter((b) => b.id !== id));
  const dropBox = useCallback((id: string, client: DOMRect): void => {
    const targets = [...sheets.current.entries()].map(([page, el]) => ({ page, rect: el.getBoundingClientRect() }));
    const landed = dropOnto(client, targets);
    if (landed) updateBox(id, (b) => ({ ...b, page: landed.page, box: landed.box }));
  }, []);

  const stamp = async (): Promise<void> => {
    if (!source) return;
    if (!signature || signerName.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setError(null);
    setBusy(t.stamp.stamping);
    const usable = boxes.filter((b) => b.what !== 'seal' || seal);
    const placements = placementsOf(usable, pages);
    const res = await call('stamping.stamp', {
      blobId: source.blobId,
      fileName: source.fileName,
      signer: { type: signerType, name: signerName.trim() },
      signature: { png: signature },
      ...(seal ? { seal: { png: seal } } : {}),
      date,
      dateFormat,
      ...(placements ? { placements } : {}),
      ...(crossPageSeal && seal ? { crossPageSeal: true } : {}),
      ...(Object.keys(formValues).length > 0 ? { fillForm: formValues } : {}),
      ...(flattenForm ? { flattenForm: true } : {}),
      ...(source.password !== undefined ? { password: source.password } : {}),
    });
    setBusy(null);
    if (!res.ok) setError(res.error);
    else setResult(res.value);
  };

  const inspection = source?.inspection;
  const notPlaced = unplaced(boxes, { signature: Boolean(signature), seal: Boolean(seal), date: true });

  return (
    <section className="stamp-screen" aria-labelledby={`${ids.file}-h`}>
      <header className="stamp-head">
        <h1 id={`${ids.file}-h`}>{t.stamp.title}</h1>
        <button type="button" className="btn" onClick={onHome}>
          {t.backHome}
        </button>
      </header>
      <p className="form-hint">{t.stamp.intro}</p>
      <p className="form-hint stamp-legal">{t.stamp.legalNote}</p>

      <div
        className={`stamp-drop${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="stamp-drop"
      >
        <label htmlFor={ids.file} className="btn btn-primary">
          {source ? t.stamp.chooseOther : t.stamp.choose}
        </label>
        <input id={ids.file} ref={fileInput} type="file" accept="application/pdf,.pdf" className="visually-hidden" onChange={onPick} data-testid="stamp-file" />
        <span className="form-hint">{source ? t.stamp.opened(source.fileName, source.inspection.pageCount) : t.stamp.dropHint}</span>
      </div>

      {busy && (
        <p className="loading" aria-busy="true" role="status">
          {busy}
        </p>
      )}
      {error && <ErrorNotice error={error} />}

      {pending && (
        <form
          className="stamp-password notice"
          onSubmit={(e) => {
            e.preventDefault();
            void inspect(pending, password);
          }}
          data-testid="stamp-password"
        >
          <p>{pending.wrong ? t.stamp.wrongPassword : t.stamp.needsPassword(pending.fileName)}</p>
          <label htmlFor={ids.password}>{t.stamp.password}</label>
          <input id={ids.password} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
          <button type="submit" className="btn btn-primary">
            {t.stamp.unlock}
          </button>
        </form>
      )}

      {inspection && (
        <ul className="stamp-findings" data-testid="stamp-findings">
          {inspection.signed && <li className="notice notice-info stamp-warn">{t.stamp.signedWarning}</li>}
          {inspection.encrypted === 'permissions-only' && <li className="notice notice-info stamp-warn">{t.stamp.permissionsOnly}</li>}
          {inspection.encrypted === 'needs-password' && <li className="notice notice-info stamp-warn">{t.stamp.passwordUsed}</li>}
          {inspection.pages.some((p) => p.rotate !== 0) && <li className="notice">{t.stamp.rotatedPages}</li>}
          {inspection.hasForm && (
            <li className="notice">
              <StampFormFields fields={inspection.formFields} values={formValues} onChange={setFormValues} flatten={flattenForm} onFlatten={setFlattenForm} />
            </li>
          )}
          {previewFailed && <li className="notice notice-info stamp-warn">{t.stamp.previewFailed}</li>}
        </ul>
      )}

      {source && inspection && (
        <div className="stamp-work">
          <aside className="stamp-controls">
            <fieldset>
              <legend>{t.stamp.signer}</legend>
              <StampProfilePicker
                profileId={profileId}
                onPick={(p) => {
                  setProfileId(p?.id ?? null);
                  if (p) {
                    setSignerName(p.name);
                    setSignerType(p.type);
                  }
                }}
              />
              <label htmlFor={ids.name}>{t.stamp.signerName}</label>
              <input id={ids.name} type="text" value={signerName} onChange={(e) => setSignerName(e.target.value)} maxLength={200} data-testid="stamp-signer-name" />
              <label htmlFor={ids.type}>{t.stamp.signerType}</label>
              <select id={ids.type} value={signerType} onChange={(e) => setSignerType(e.target.value as Signer['type'])}>
                <option value="个人">{t.stamp.signerTypes.person}</option>
                <option value="企业">{t.stamp.signerTypes.company}</option>
                <option value="其他">{t.stamp.signerTypes.other}</option>
              </select>
            </fieldset>

            <fieldset>
              <legend>{t.stamp.signature}</legend>
              <div className="stamp-tabs" role="radiogroup" aria-label={t.stamp.signature}>
                <label>
                  <input type="radio" name="stamp-sig-mode" checked={sigMode === 'draw'} onChange={() => setSigMode('draw')} />
                  {t.stamp.draw}
                </label>
                <label>
                  <input type="radio" name="stamp-sig-mode" checked={sigMode === 'upload'} onChange={() => setSigMode('upload')} />
                  {t.stamp.upload}
                </label>
              </div>
              {sigMode === 'draw' ? (
                <StampSignaturePad onChange={setDrawn} />
              ) : (
                <div className="stamp-upload">
                  <label htmlFor={ids.sigFile}>{t.stamp.uploadSignature}</label>
                  <input id={ids.sigFile} type="file" accept={IMAGE_ACCEPT} onChange={(e) => void onImage('signature')(e)} />
                  {uploaded && <img src={uploaded} alt={t.stamp.signature} className="stamp-thumb" />}
                </div>
              )}
              <SavedImages
                kind="signature"
                label={t.stamp.signature}
                saved={saved}
                current={signature}
                inUse={signature}
                onUse={(png) => {
                  setUploaded(png);
                  setSigMode('upload');
                }}
              />
            </fieldset>

            <fieldset>
              <legend>{t.stamp.seal}</legend>
              <label htmlFor={ids.seal}>{t.stamp.uploadSeal}</label>
              <input id={ids.seal} type="file" accept={IMAGE_ACCEPT} onChange={(e) => void onImage('seal')(e)} data-testid="stamp-seal-file" />
              {seal && (
                <span className="stamp-thumb-row">
                  <img src={seal} alt={t.stamp.seal} className="stamp-thumb" />
                  <button type="button" className="btn btn-small" onClick={() => setSeal(null)}>
                    {t.stamp.removeSeal}
                  </button>
                </span>
              )}
              <label className="stamp-check">
                <input type="checkbox" checked={crossPageSeal && Boolean(seal)} disabled={!seal} onChange={(e) => setCrossPageSeal(e.target.checked)} data-testid="stamp-cross-page" />
                {t.stamp.crossPageSeal}
              </label>
              {!seal && <span className="form-hint">{t.stamp.crossPageNeedsSeal}</span>}
              <SavedImages kind="seal" label={t.stamp.seal} saved={saved} current={seal} inUse={seal} onUse={setSeal} />
            </fieldset>

            <fieldset>
              <legend>{t.stamp.date}</legend>
              <label htmlFor={ids.date}>{t.stamp.date}</label>
              <input id={ids.date} type="date" value={date} required onChange={(e) => setDate(e.target.value || todayIso())} data-testid="stamp-date" />
              <label htmlFor={ids.format}>{t.stamp.dateFormat}</label>
              <select id={ids.format} value={dateFormat} onChange={(e) => setDateFormat(e.target.value === 'iso' ? 'iso' : 'zh')}>
                <option value="zh">{formatDate(date, 'zh')}</option>
                <option value="iso">{formatDate(date, 'iso')}</option>
              </select>
            </fieldset>

            <fieldset>
              <legend>{t.stamp.placement}</legend>
              <p className="form-hint">{t.stamp.placementHint}</p>
              <label htmlFor={ids.page}>{t.stamp.onPage}</label>
              <select id={ids.page} value={targetPage} onChange={(e) => setTargetPage(Number(e.target.value))} data-testid="stamp-target-page">
                {pages.map((p) => (
                  <option key={p.index} value={p.index}>
                    {t.stamp.pageOption(p.index + 1)}
                  </option>
                ))}
              </select>
              <div className="stamp-add">
                <button type="button" className="btn btn-small" onClick={() => addBox('signature')} data-testid="stamp-add-signature">
                  {t.stamp.add(t.stamp.what.signature)}
                </button>
                <button type="button" className="btn btn-small" onClick={() => addBox('seal')} disabled={!seal} data-testid="stamp-add-seal">
                  {t.stamp.add(t.stamp.what.seal)}
                </button>
                <button type="button" className="btn btn-small" onClick={() => addBox('date')} data-testid="stamp-add-date">
                  {t.stamp.add(t.stamp.what.date)}
                </button>
              </div>
              {boxes.length === 0 ? (
                <p className="form-hint">{t.stamp.defaultPlacement}</p>
              ) : (
                notPlaced.length > 0 && <p className="notice notice-info stamp-warn">{t.stamp.notPlaced(notPlaced.map((w) => t.stamp.what[w]).join('、'))}</p>
              )}
            </fieldset>

            {missing && (
              <p className="field-error" role="alert">
                {!signature ? t.stamp.needSignature : t.stamp.needSigner}
              </p>
            )}
            <button type="button" className="btn btn-primary stamp-go" onClick={() => void stamp()} disabled={busy !== null} data-action="stamp">
              {t.stamp.stampAndArchive}
            </button>

            {result && (
              <div className="stamp-result notice" data-testid="stamp-result" role="status">
                <p>{t.stamp.done}</p>
                {result.warnings.length > 0 && (
                  <ul className="stamp-warnings">
                    {result.warnings.map((w, i) => (
                      <li key={`${w.code}-${i}`} data-warning-code={w.code}>
                        {t.stamp.warning(w.code) ?? w.message}
                      </li>
                    ))}
                  </ul>
                )}
                <p>{t.stamp.placedHeading}</p>
                <ul className="stamp-placed" data-testid="stamp-placed">
                  {result.placed.map((p, i) => (
                    <li key={i}>{t.stamp.placedItem(t.stamp.what[p.what], p.page, p.rect)}</li>
                  ))}
                </ul>
                <button type="button" className="btn btn-primary" onClick={() => onOpenRecord(result.id)} data-action="open-record">
                  {t.stamp.openRecord}
                </button>
              </div>
            )}
          </aside>

          <div className="stamp-pages" data-testid="stamp-pages">
            {pages.map((p) => (
              <PdfPageView
                key={p.index}
                doc={doc}
                index={p.index}
                widthPt={p.widthPt}
                heightPt={p.heightPt}
                cssWidth={PAGE_CSS_WIDTH}
                pageRef={(el) => {
                  if (el) sheets.current.set(p.index, el);
                  else sheets.current.delete(p.index);
                }}
              >
                {result?.placed
                  .filter((pl) => pl.page === p.index + 1)
                  .map((pl, i) => {
                    const b = pageToScreen(pl.rect, p, PAGE_CSS_WIDTH);
                    return (
                      <span
                        key={`placed-${i}`}
                        className="stamp-placed-mark"
                        style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${b.width}px`, height: `${b.height}px` }}
                        title={t.stamp.what[pl.what]}
                      />
                    );
                  })}
                {boxes
                  .filter((b) => b.page === p.index)
                  .map((b) => (
                    <PlacementBox
                      key={b.id}
                      placed={b}
                      image={b.what === 'signature' ? signature : b.what === 'seal' ? seal : null}
                      text={b.what === 'date' ? formatDate(date, dateFormat) : undefined}
                      pageWidth={PAGE_CSS_WIDTH}
                      pageHeight={(PAGE_CSS_WIDTH * p.heightPt) / p.widthPt}
                      onChange={(box) => updateBox(b.id, (x) => ({ ...x, box }))}
                      onDrop={(client) => dropBox(b.id, client)}
                      onToggleEveryPage={() => updateBox(b.id, (x) => ({ ...x, everyPage: !x.everyPage }))}
                      onRemove={() => removeBox(b.id)}
                    />
                  ))}
              </PdfPageView>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
