import { useEffect, useMemo, useRef } from 'react';
import { locateInSource } from './locate-in-source';

interface Props {
  title: string;
  hint: string;
  text: string;
  /** A template text whose wording is marked and scrolled into view, if found. */
  focus: string | null;
}

/** The source document, read-only and scrollable, with the wording of the clause last clicked marked. */
export function SourcePane({ title, hint, text, focus }: Props) {
  const pane = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLElement>(null);
  const range = useMemo(() => (focus ? locateInSource(text, focus) : null), [text, focus]);

  useEffect(() => {
    const box = pane.current;
    const target = mark.current;
    if (!box || !target) return;
    // Only the pane scrolls: scrollIntoView would move the whole page too.
    box.scrollTo({ top: Math.max(0, target.offsetTop - box.clientHeight / 3), behavior: 'smooth' });
  }, [range]);

  return (
    <section className="editor-source" aria-label={title}>
      <header className="editor-pane-head">
        <h2>{title}</h2>
        <span className="hint">{hint}</span>
      </header>
      <div ref={pane} className="source-scroll" tabIndex={0} data-testid="editor-source">
        <pre className="source-text">
          {range ? (
            <>
              {text.slice(0, range.start)}
              <mark ref={mark}>{text.slice(range.start, range.end)}</mark>
              {text.slice(range.end)}
            </>
          ) : (
            text
          )}
        </pre>
      </div>
    </section>
  );
}
