import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (this file lives in test/support/). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The repo's resources folder: fonts and built-in templates. */
export const RESOURCES_DIR = join(REPO_ROOT, 'resources');

/** The built-in template's source text. */
export const BUILTIN_TEMPLATE_PATH = join(RESOURCES_DIR, 'templates', 'ecommerce-service.txt');

/** The bundled CLI (`npm run build:electron`). */
export const CLI_PATH = join(REPO_ROOT, 'dist', 'electron', 'cli.cjs');
