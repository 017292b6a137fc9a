import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The renderer build. `base: './'` keeps every asset path relative, because the same files are served under
 * `app://` (Electron), `file://` and `http://127.0.0.1:PORT/` (`pledge serve`).
 */
export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    // Why: no inline `data:` script or font URLs, so the strict CSP in index.html holds for every asset.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
