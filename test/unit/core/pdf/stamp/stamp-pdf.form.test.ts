import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../../../../electron/core/pdf/stamp/inspect-pdf';
import { stampPdf } from '../../../../../electron/core/pdf/stamp/stamp-pdf';
import { makeSignaturePng } from '../../../../support/make-png';
import { pdfText } from '../../../../support/pdf-text';
import { inkBox, qpdfCheckStatus } from '../../../../support/render-page';
import { FONT, makeFillableFormPdf, makeFormPdfWithSignatureField, renderBytes, tempPdf } from '../../../../support/stamp-fixtures';
import { removeTempDirs } from '../../../../support/temp-dir';

const signature = makeSignaturePng();
afterAll(removeTempDirs);

describe('stampPdf with AcroForm fields', () => {
  it('lists the fields without changing the file', async () => {
    const input = await makeFillableFormPdf();
    const info = await inspectPdf(input);
    expect(info.hasForm).toBe(true);
    expect(info.formFields).toEqual([
      { name: 'signer.name', type: 'text', value: '' },
      { name: 'agree', type: 'checkbox', value: '' },
      { name: 'city', type: 'dropdown', value: '', options: ['Beijing', '上海', 'Shenzhen'] },
      { name: 'kind', type: 'radio', value: '', options: ['person', 'company'] },
    ]);
  });

  it('fills fields, Chinese included, drawing their appearance with the bundled font', async () => {
    const input = await makeFillableFormPdf();
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
    const result = await stampPdf(await makeFillableFormPdf(), { signature, font: FONT, fillForm: { 'signer.name': '张三丰', city: '上海' }, flattenForm: true });
    const info = await inspectPdf(result.bytes);
    expect(info.hasForm).toBe(false);
    const text = pdfText(tempPdf(result.bytes)).replace(/\s/g, '');
    expect(text).toContain('张三丰');
    expect(text).toContain('上海');
    expect(result.warnings).toEqual([]);
  });

  it('refuses unknown fields and values a field cannot take, naming the field', async () => {
    const input = await makeFillableFormPdf();
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
    const input = await makeFillableFormPdf({ xfa: true });
    expect(Buffer.from(input).includes('/XFA')).toBe(true);
    const result = await stampPdf(input, { signature });
    expect(result.warnings.map((w) => w.code)).toEqual(['xfa-removed']);
    const output = await PDFDocument.load(result.bytes, { updateMetadata: false });
    expect(output.catalog.getAcroForm()!.dict.has(PDFName.of('XFA'))).toBe(false);
  });
});
