import type { PDFDocument, PDFField } from '@cantoo/pdf-lib';
import { PDFButton, PDFCheckBox, PDFDict, PDFDropdown, PDFForm, PDFName, PDFOptionList, PDFRadioGroup, PDFSignature, PDFTextField } from '@cantoo/pdf-lib';

export type FormFieldType = 'text' | 'checkbox' | 'radio' | 'dropdown' | 'list' | 'button' | 'signature' | 'unknown';

/** One AcroForm field: its fully qualified name (`parent.child`), kind and current value as text. */
export interface FormFieldInfo {
  name: string;
  type: FormFieldType;
  /** Text fields: the text; check boxes: 'on' / ''; radio, dropdown, list: the selected option(s), joined by ', ';
   *  signature fields: 'signed' / ''; buttons: ''. */
  value: string;
  /** Radio groups, dropdowns and lists: the values `fillForm` accepts for the field, in the PDF's order. */
  options?: string[];
}

function describe(field: PDFField): Omit<FormFieldInfo, 'name'> {
  if (field instanceof PDFTextField) return { type: 'text', value: field.getText() ?? '' };
  if (field instanceof PDFCheckBox) return { type: 'checkbox', value: field.isChecked() ? 'on' : '' };
  if (field instanceof PDFRadioGroup) return { type: 'radio', value: field.getSelected() ?? '', options: field.getOptions() };
  if (field instanceof PDFDropdown) return { type: 'dropdown', value: field.getSelected().join(', '), options: field.getOptions() };
  if (field instanceof PDFOptionList) return { type: 'list', value: field.getSelected().join(', '), options: field.getOptions() };
  if (field instanceof PDFButton) return { type: 'button', value: '' };
  if (field instanceof PDFSignature) {
    const signed = field.doc.context.lookup(field.acroField.dict.get(PDFName.of('V'))) instanceof PDFDict;
    return { type: 'signature', value: signed ? 'signed' : '' };
  }
  return { type: 'unknown', value: '' };
}

/**
 * The AcroForm fields of a document, without changing it (unlike `doc.getForm()`, which creates a form and
 * drops XFA). A field whose value cannot be read is listed with an empty value; a field tree that cannot be
 * walked at all gives an empty list.
 */
export function listFormFields(doc: PDFDocument): FormFieldInfo[] {
  let fields: PDFField[];
  try {
    const acroForm = doc.catalog.getAcroForm();
    if (!acroForm) return [];
    fields = PDFForm.of(acroForm, doc).getFields();
  } catch {
    return [];
  }
  return fields.map((field) => {
    let name = '';
    try {
      name = field.getName();
      return { name, ...describe(field) };
    } catch {
      return { name, type: 'unknown', value: '' };
    }
  });
}
