import { useEffect } from 'react';

/**
 * While a screen that takes dropped files is shown, a file dropped beside its drop zone must not make the
 * browser open it in place of the app.
 */
export function useFileDropGuard(): void {
  useEffect(() => {
    const guard = (e: DragEvent): void => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', guard);
    window.addEventListener('drop', guard);
    return () => {
      window.removeEventListener('dragover', guard);
      window.removeEventListener('drop', guard);
    };
  }, []);
}
