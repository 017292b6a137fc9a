import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import { PDFName } from '@cantoo/pdf-lib';
import { fillForm } from './fill-form';
import type { StampWarning } from './stamp-options';

/** Flattening failed; `stampPdf` starts over without flattening rather than leave a half-flattened form. */
export class FlattenFailed extends Error {}

/**
 * Gets the form ready before stamping: drops XFA (Acrobat shows an XFA form instead of the page content,
 * which would hide the stamp), fills the given fields, refreshes their appearances, and flattens if asked.
 * A document without a form is left alone unless fields are to be filled.
 *
 * @throws FlattenFailed when pdf-lib cannot flatten; CoreError from `fillForm`.
 */
export function prepareForm(
  doc: PDFDocument,
  fill: Record<string, string> | undefined,
  flatten: boolean,
  font: PDFFont | undefined,
  warnings: StampWarning[],
): void {
  const acroForm = doc.catalog.getAcroForm();
  const hasForm = acroForm !== undefined;
  // Why read the dictionary: `doc.getForm()` itself drops XFA (with a console warning), so asking the form
  // afterwards always says there was none.
  if (acroForm?.dict.has(PDFName.of('XFA'))) {
    doc.getForm().deleteXFA();
    warnings.push({ code: 'xfa-removed', message: 'the form had XFA data; it was removed so that viewers show the regular form and the stamp' });
  }
  if (fill && Object.keys(fill).length > 0) {
    fillForm(doc, fill, font);
    // Why: saveIncremental never refreshes appearances; without this a filled field could still show its old value.
    doc.getForm().updateFieldAppearances(font);
  }
  if (flatten && hasForm) {
    try {
      doc.getForm().flatten();
    } catch (error) {
      throw new FlattenFailed(error instanceof Error ? error.message : String(error));
    }
  }
}
