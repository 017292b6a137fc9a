import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import { PDFButton, PDFCheckBox, PDFDropdown, PDFOptionList, PDFRadioGroup, PDFSignature, PDFTextField } from '@cantoo/pdf-lib';
import { CoreError } from '../../errors';
import { missingGlyphs } from './missing-glyphs';

const YES = new Set(['true', 'yes', 'on', '1', 'checked', 'x', '是', '√', '✓']);
const NO = new Set(['false', 'no', 'off', '0', 'unchecked', '', '否']);

function fail(name: string, message: string): never {
  throw new CoreError('VALIDATION', `form field "${name}": ${message}`, `fillForm.${name}`);
}

/**
 * Fills AcroForm fields by fully qualified name and redraws their appearances with `font` (so Chinese values
 * show in every viewer, not only those that honour /NeedAppearances). Text fields take any text; check boxes
 * true/false, yes/no, on/off, 1/0, 是/否; radio groups, dropdowns and lists one of their options.
 * Uses `doc.getForm()`, which also removes XFA data (viewers would otherwise show the XFA form instead).
 *
 * @throws CoreError VALIDATION for an unknown field, a value the field cannot take, or a signature or push
 *   button field; FONT_MISSING_GLYPHS for characters the font cannot draw.
 */
export function fillForm(doc: PDFDocument, values: Record<string, string>, font: PDFFont | undefined): void {
  const form = doc.getForm();
  for (const [name, value] of Object.entries(values)) {
    const field = form.getFieldMaybe(name);
    if (!field) fail(name, 'the PDF has no such field');
    if (field instanceof PDFTextField) {
      if (!font && /[^\x20-\x7e]/.test(value)) {
        throw new CoreError('VALIDATION', 'filling a text field with non-ASCII text needs the font', 'font');
      }
      if (font) {
        const missing = missingGlyphs(font, value);
        if (missing.length > 0) throw new CoreError('FONT_MISSING_GLYPHS', `the font cannot draw: ${missing.join(' ')}`, `fillForm.${name}`);
      }
      const max = field.getMaxLength();
      if (max !== undefined && [...value].length > max) fail(name, `at most ${max} characters`);
      field.setText(value);
      if (font) field.updateAppearances(font);
    } else if (field instanceof PDFCheckBox) {
      const v = value.trim().toLowerCase();
      if (YES.has(v)) field.check();
      else if (NO.has(v)) field.uncheck();
      else fail(name, `a check box takes true or false, got ${JSON.stringify(value)}`);
    } else if (field instanceof PDFRadioGroup || field instanceof PDFDropdown || field instanceof PDFOptionList) {
      const options = field.getOptions();
      if (!options.includes(value)) fail(name, `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
      field.select(value);
    } else if (field instanceof PDFSignature || field instanceof PDFButton) {
      fail(name, 'signature and push-button fields cannot be filled');
    } else {
      fail(name, 'this kind of field cannot be filled');
    }
  }
}
