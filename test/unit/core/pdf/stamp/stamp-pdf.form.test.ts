import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../../../../electron/core/pdf/stamp/inspect-pdf';
import { stampPdf } from '../../../../../electron/core/pdf/stamp/stamp-pdf';
import { makeSignaturePng } from '../../../../support/make-png';
import { pdfText } from '../../../../support/pdf-text';
import { inkBox, qpdfCheckStatus } from '../../../../support/render-page';
import { FONT, makeFormPdfWithSignatureField, renderBytes, tempPdf } from '../../../../support/stamp-fixtures';
import { removeTempDirs } from '../../../../support/temp-dir';

const signature = makeSignaturePng();
afterAll(removeTempDirs);

/** A platform's pledge form: a text field, a check box, a dropdown and a radio group, made with stock pdf-lib. */
async function makeForm(options: { xfa?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  const form = doc.getForm();
  form.createTextField('signer.name').addToPage(page, { x: 100, y: 700, width: 200, height: 24 });
  form.createCheckBox('agree').addToPage(page, { x: 100, y: 650, width: 16, height: 16 });
  const city = form.createDropdown('city');
  city.addOptions(['Beijing', '上海', 'Shenzhen']);
  city.addToPage(page, { x: 100, y: 600, width: 200, height: 24 });
  const kind = form.createRadioGroup('kind');
  kind.addOptionToPage('person', page, { x: 100, y: 550, width: 16, height: 16 });
  kind.addOptionToPage('company', page, { x: 140, y: 550, width: 16, height: 16 });
  const bytes = await doc.save();
  if (!options.xfa) return bytes;
  // Added afterwards: pdf-lib's own save drops XFA whenever it touches the form.
  const withXfa = await PDFDocument.load(bytes, { updateMetadata: false });
  withXfa.catalog.getAcroForm()!.dict.set(PDFName.of('XFA'), withXfa.context.obj([PDFString.of('template'), PDFString.of('<template/>')]));
  return withXfa.save({ updateFieldAppearances: false, useObjectStreams: false });
}

describe('stampPdf with AcroForm fields', () => {
  it('lists the fields without changing the file', async () => {
    const input = await makeForm();
    const info = await inspectPdf(input);
    expect(info.hasForm).toBe(true);
    expect(info.formFields).toEqual([
      { name: 'signer.name', type: 'text', value: '' },
      { name: 'agree', type: 'checkbox', value: '' },
      { name: 'city', type: 'dropdown', value: '' },
      { name: 'kind', type: 'radio', value: '' },
    ]);
  });

  it('fills fields, Chinese included, drawing their appearance with the bundled font', async () => {
    const input = await makeForm();
    const result = await stampPdf(input, {
      signature,
      font: FONT,
      fillForm: { 'signer.name': '张三丰 Zhang', agree: 'yes', city: '上海', kind: 'company' },
    });
    expect(qpdfCheckStatus(tempPdf(result.bytes)).status).toBe(0);
    const fields = (await inspectPdf(result.bytes)).formFields;
    expect(fields.map((f) => f.value)).toEqual(['张三丰 Zhang', 'on', '上海', 'company']);
    // The field's own appearance shows the text (not only viewers that regenerate appearances).
    const box = inkBox(renderBytes(input, 1, 72), renderBytes(result.bytes, 1, 72));
    expect(box).toBeDefined();
    expect(box!.y0).toBeLessThan(842 - 700);
  });

  it('flattens the filled form into page content', async () => {
    const result = await stampPdf(await makeForm(), { signature, font: FONT, fillForm: { 'signer.name': '张三丰', city: '上海' }, flattenForm: true });
    const info = await inspectPdf(result.bytes);
    expect(info.hasForm).toBe(false);
    const text = pdfText(tempPdf(result.bytes)).replace(/\s/g, '');
    expect(text).toContain('张三丰');
    expect(text).toContain('上海');
    expect(result.warnings).toEqual([]);
  });

  it('refuses unknown fields and values a field cannot take, naming the field', async () => {
    const input = await makeForm();
    await expect(stampPdf(input, { signature, fillForm: { nope: 'x' } })).rejects.toMatchObject({ code: 'VALIDATION', field: 'fillForm.nope' });
    await expect(stampPdf(input, { signature, fillForm: { city: 'Paris' } })).rejects.toMatchObject({ code: 'VALIDATION', field: 'fillForm.city' });
    await expect(stampPdf(input, { signature, fillForm: { agree: 'maybe' } })).rejects.toMatchObject({ code: 'VALIDATION', field: 'fillForm.agree' });
    await expect(stampPdf(input, { signature, fillForm: { 'signer.name': '张三' } })).rejects.toMatchObject({ code: 'VALIDATION', field: 'font' });
  });

  it('flattens a form whose empty signature widget has no appearance (that widget just disappears)', async () => {
    const result = await stampPdf(await makeFormPdfWithSignatureField(), { signature, fillForm: { name: 'Zhang San' }, flattenForm: true });
    expect(result.warnings).toEqual([]);
    expect((await inspectPdf(result.bytes)).hasForm).toBe(false);
    expect(pdfText(tempPdf(result.bytes))).toContain('Zhang San');
  });

  it('removes XFA so that viewers show the AcroForm and the stamp, and says so', async () => {
    const input = await makeForm({ xfa: true });
    expect(Buffer.from(input).includes('/XFA')).toBe(true);
    const result = await stampPdf(input, { signature });
    expect(result.warnings.map((w) => w.code)).toEqual(['xfa-removed']);
    const output = await PDFDocument.load(result.bytes, { updateMetadata: false });
    expect(output.catalog.getAcroForm()!.dict.has(PDFName.of('XFA'))).toBe(false);
  });
});
