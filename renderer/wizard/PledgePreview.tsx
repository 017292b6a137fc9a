import { useEffect, useRef } from 'react';
import type { Signer } from '../../electron/shared/dto';
import type { FieldValues, Template } from '../../electron/shared/template';
import { useLocale } from '../i18n/locale-context';
import type { PreviewRun } from './preview-model';
import { previewBlocks } from './preview-model';

interface Props {
  template: Template;
  values: FieldValues;
  signer: Signer;
  date: string;
  /** The section the wizard shows (0-based), scrolled into view; -1 for the steps before and after them. */
  sectionIndex: number;
  onClose: () => void;
}

function Run({ run }: { run: PreviewRun }) {
  if (run.kind === 'text') return <span className="pv-text">{run.text}</span>;
  if (run.kind === 'value') {
    return (
      <span className={`pv-value${run.filled ? '' : ' pv-empty'}`} data-field-id={run.fieldId}>
        {run.text}
      </span>
    );
  }
  return (
    <span className="pv-choice" data-field-id={run.fieldId}>
      {run.options.map((o) => (
        <span key={o.option} className="pv-option" data-checked={o.checked ? 'true' : 'false'}>
          {o.checked ? '☑' : '☐'}
          {o.option}
          {o.other !== undefined && <span className={`pv-value${o.other ? '' : ' pv-empty'}`}>{o.other || '\u3000\u3000\u3000'}</span>}
        </span>
      ))}
    </span>
  );
}

/** "预览全文": the whole pledge as it will print, answers underlined in place; it follows every change. */
export function PledgePreview({ template, values, signer, date, sectionIndex, onClose }: Props) {
  const { t } = useLocale();
  const panel = useRef<HTMLElement>(null);
  const blocks = previewBlocks(template, values, signer, date);
  // Follow the wizard: the section being filled is in view (the top of the page before it, the end after).
  useEffect(() => {
    const el = panel.current;
    if (!el) return;
    const heading = sectionIndex >= 0 ? el.querySelector<HTMLElement>(`[data-section-index="${sectionIndex}"]`) : null;
    const bar = el.querySelector<HTMLElement>('.preview-bar')?.offsetHeight ?? 0;
    if (heading) el.scrollTop = heading.offsetTop - bar - 8;
  }, [sectionIndex]);
  return (
    <aside ref={panel} className="preview-panel" aria-label={t.wizard.previewHeading} data-testid="pledge-preview">
      <div className="preview-bar">
        <span className="preview-heading">{t.wizard.previewHeading}</span>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t.wizard.previewClose}
        </button>
      </div>
      <div className="preview-sheet" lang="zh-CN">
        {blocks.map((block, i) => {
          if (block.kind === 'title') {
            return (
              <h1 key={i} className="pv-title">
                {block.text}
              </h1>
            );
          }
          if (block.kind === 'heading') {
            return (
              <h2 key={i} className="pv-heading" data-section-index={block.sectionIndex}>
                {block.number}
                {block.text}
              </h2>
            );
          }
          return (
            <p key={i} className={`pv-para pv-${block.role} pv-depth-${block.depth}`}>
              {block.number && <span className="pv-number">{block.number}</span>}
              {block.runs.map((run, j) => (
                <Run key={j} run={run} />
              ))}
            </p>
          );
        })}
      </div>
    </aside>
  );
}
