import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/**
 * Maps a URL path to a file under `root`, or null when it would leave `root` (`..`, encoded dots,
 * backslashes, NUL bytes, absolute paths). `/` maps to `index.html`.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]?.split('#')[0] ?? '');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (isAbsolute(relativePath)) return null;
  const full = normalize(join(root, relativePath));
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return full;
}
