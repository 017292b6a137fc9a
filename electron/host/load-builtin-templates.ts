import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Template } from '../shared/template';
import { parseTemplateText } from '../core/template/parse-template-text';

/** Parses every `resources/templates/*.txt`; the file name is the template id. */
export function loadBuiltinTemplates(resourcesDir: string): Template[] {
  const dir = join(resourcesDir, 'templates');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => parseTemplateText(basename(name, '.txt'), readFileSync(join(dir, name), 'utf8')));
}
