import { useEffect, useRef, useState } from 'react';
import type { ReactNode, Ref } from 'react';
import { t } from '../i18n/t';
import type { PDFDocumentProxy } from './pdf-preview';
import { renderPage } from './pdf-preview';

interface Props {
  doc: PDFDocumentProxy | null;
  /** Page index from 0. */
  index: number;
  /** Size as the user sees the page (rotation applied), in points. */
  widthPt: number;
  heightPt: number;
  cssWidth: number;
  /** The element the placement boxes are measured against (the page's top-left corner, CSS pixels). */
  pageRef: Ref<HTMLDivElement>;
  children?: ReactNode;
}

/**
 * One page of the preview, sized before it is drawn and rendered by pdf.js only once it comes near the
 * viewport (a 200-page PDF does not render 200 canvases up front).
 */
export function PdfPageView({ doc, index, widthPt, heightPt, cssWidth, pageRef, children }: Props) {
  const holder = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);
  const [state, setState] = useState<'waiting' | 'drawn' | 'failed'>('waiting');
  const cssHeight = (cssWidth * heightPt) / widthPt;

  useEffect(() => {
    const el = holder.current;
    if (!el || visible) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setVisible(true);
    }, { rootMargin: '300px 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [visible]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!visible || !doc || !canvas) return;
    let cancelled = false;
    let cancel = (): void => {};
    void (async () => {
      try {
        const page = await doc.getPage(index + 1);
        if (cancelled) return;
        const job = renderPage(page, canvas, cssWidth);
        cancel = job.cancel;
        await job.done;
        if (!cancelled) setState('drawn');
      } catch (err) {
        if (!cancelled && !(err instanceof Error && err.name === 'RenderingCancelledException')) setState('failed');
      }
    })();
    return () => {
      cancelled = true;
      cancel();
    };
  }, [visible, doc, index, cssWidth]);

  return (
    <figure className="stamp-page" ref={holder} data-page={index + 1} data-rendered={state}>
      <figcaption className="stamp-page-label">{t.stamp.pageLabel(index + 1, widthPt, heightPt)}</figcaption>
      <div className="stamp-page-sheet" ref={pageRef} style={{ width: `${cssWidth}px`, height: `${cssHeight}px` }} data-page-sheet={index + 1}>
        <canvas ref={canvasRef} className="stamp-page-canvas" style={{ width: `${cssWidth}px`, height: `${cssHeight}px` }} aria-hidden="true" />
        {state === 'failed' && <p className="stamp-page-failed">{t.stamp.pageFailed}</p>}
        {children}
      </div>
    </figure>
  );
}
