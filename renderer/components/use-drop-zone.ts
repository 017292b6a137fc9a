import { useState } from 'react';
import type { DragEvent } from 'react';

/** The drag-and-drop handlers to spread on a drop target, and whether a file is being dragged over it. */
export interface DropZone {
  dragging: boolean;
  handlers: {
    onDragEnter: (e: DragEvent<HTMLElement>) => void;
    onDragOver: (e: DragEvent<HTMLElement>) => void;
    onDragLeave: (e: DragEvent<HTMLElement>) => void;
    onDrop: (e: DragEvent<HTMLElement>) => void;
  };
}

/**
 * A drop target for one file: the first dropped file goes to `onFile`. Leaving for a child element does not
 * count as leaving (drag events bubble from children), so the highlight does not flicker.
 */
export function useDropZone(onFile: (file: File) => void): DropZone {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    handlers: {
      onDragEnter: (e) => {
        e.preventDefault();
        setDragging(true);
      },
      onDragOver: (e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: (e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      },
      onDrop: (e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      },
    },
  };
}
