import { useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { t } from '../i18n/t';
import type { ScreenBox } from './screen-to-page';

export type StampWhat = 'signature' | 'seal' | 'date';

/** A box the user placed: on page `page` (from 0), in CSS pixels from the preview's top-left corner. */
export interface PlacedBox {
  id: string;
  what: StampWhat;
  page: number;
  box: ScreenBox;
  /** Stamp it on every page at the same place (initials). */
  everyPage: boolean;
}

const MIN_SIZE = 8;

interface Props {
  placed: PlacedBox;
  /** The image shown inside (signature or seal), or the date text. */
  image?: string | null;
  text?: string;
  /** The page's preview size: moves and resizes stay inside it. */
  pageWidth: number;
  pageHeight: number;
  onChange: (box: ScreenBox) => void;
  /** The pointer let go after a move: the parent finds the page under the box (it may be another page). */
  onDrop: (client: DOMRect) => void;
  onToggleEveryPage: () => void;
  onRemove: () => void;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), Math.max(lo, hi));

/** A draggable, resizable stamp box on a page preview; arrow keys move it (Shift: 10 px), Alt+arrows resize. */
export function PlacementBox({ placed, image, text, pageWidth, pageHeight, onChange, onDrop, onToggleEveryPage, onRemove }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const start = useRef<{ mode: 'move' | 'resize'; px: number; py: number; box: ScreenBox } | null>(null);
  // While moving, the box follows the pointer freely (it may cross onto another page) by this offset.
  const [offset, setOffset] = useState<{ dx: number; dy: number } | null>(null);
  const { box } = placed;

  const down = (mode: 'move' | 'resize') => (e: PointerEvent<HTMLElement>): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { mode, px: e.clientX, py: e.clientY, box };
    if (mode === 'move') setOffset({ dx: 0, dy: 0 });
  };
  const move = (e: PointerEvent<HTMLElement>): void => {
    const s = start.current;
    if (!s) return;
    const dx = e.clientX - s.px;
    const dy = e.clientY - s.py;
    if (s.mode === 'move') setOffset({ dx, dy });
    else onChange({ ...s.box, width: clamp(s.box.width + dx, MIN_SIZE, pageWidth - s.box.x), height: clamp(s.box.height + dy, MIN_SIZE, pageHeight - s.box.y) });
  };
  const up = (e: PointerEvent<HTMLElement>): void => {
    const s = start.current;
    start.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (s?.mode === 'move') {
      const rect = el.current?.getBoundingClientRect();
      setOffset(null);
      if (rect) onDrop(rect);
    }
  };
  const key = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.shiftKey ? 10 : 1;
    const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!d) {
      if (e.key === 'Delete' || e.key === 'Backspace') onRemove();
      return;
    }
    e.preventDefault();
    const [dx = 0, dy = 0] = d;
    if (e.altKey) onChange({ ...box, width: clamp(box.width + dx, MIN_SIZE, pageWidth - box.x), height: clamp(box.height + dy, MIN_SIZE, pageHeight - box.y) });
    else onChange({ ...box, x: clamp(box.x + dx, 0, pageWidth - box.width), y: clamp(box.y + dy, 0, pageHeight - box.height) });
  };

  const label = t.stamp.what[placed.what];
  return (
    <div
      ref={el}
      className={`stamp-box stamp-box-${placed.what}${offset ? ' is-moving' : ''}`}
      style={{
        left: `${box.x}px`,
        top: `${box.y}px`,
        width: `${box.width}px`,
        height: `${box.height}px`,
        transform: offset ? `translate(${offset.dx}px, ${offset.dy}px)` : undefined,
      }}
      data-testid={`stamp-box-${placed.what}`}
      data-what={placed.what}
      data-page={placed.page + 1}
      tabIndex={0}
      role="group"
      aria-label={t.stamp.boxLabel(label, placed.page + 1)}
      onPointerDown={down('move')}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onKeyDown={key}
    >
      {image ? (
        <img src={image} alt="" draggable={false} className="stamp-box-image" />
      ) : (
        <span className="stamp-box-text" style={{ fontSize: `${Math.max(8, box.height * 0.62)}px` }}>
          {text ?? label}
        </span>
      )}
      <span className="stamp-box-bar" onPointerDown={(e) => e.stopPropagation()}>
        <span className="stamp-box-tag">{label}</span>
        <label className="stamp-box-every">
          <input type="checkbox" checked={placed.everyPage} onChange={onToggleEveryPage} />
          {t.stamp.everyPage}
        </label>
        <button type="button" className="stamp-box-remove" onClick={onRemove} aria-label={t.stamp.remove(label)} title={t.stamp.remove(label)}>
          ×
        </button>
      </span>
      <span
        className="stamp-box-resize"
        data-testid="stamp-box-resize"
        aria-hidden="true"
        onPointerDown={down('resize')}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
    </div>
  );
}
