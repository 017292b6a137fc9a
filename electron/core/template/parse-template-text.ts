import type { Template } from '../../shared/template';
import { cleanText } from './import/clean-text';
import { parsePledge } from './parse-pledge';

/**
 * Parses the text of ONE pledge (as the built-in templates are written) into the template JSON: the first
 * line is the title, the rest goes through the same cleaning and structure rules as imported documents.
 */
export function parseTemplateText(id: string, source: string): Template {
  const [title = '', ...lines] = cleanText(source);
  return parsePledge(id, title, lines);
}
