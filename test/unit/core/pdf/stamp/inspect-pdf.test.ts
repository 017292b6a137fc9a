import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { inspectPdf } from '../../../../../electron/core/pdf/stamp/inspect-pdf';
import { StampError } from '../../../../../electron/core/pdf/stamp/stamp-errors';
import { makeFormPdfWithSignatureField, makePdf } from '../../../../support/stamp-fixtures';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

describe('inspectPdf', () => {
  it('calls a page tree that breaks only when walked damaged (PDF_DAMAGED), not a TypeError (found by bench/fuzz.ts)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    const page = doc.getPage(0);
    // The page's /Parent is a plain dictionary, not the /Pages node: pdf-lib throws "Parent.ascend is not a function".
    page.node.set(PDFName.of('Parent'), doc.context.register(doc.context.obj({ Foo: 1 })));
    page.node.delete(PDFName.of('MediaBox'));
    const error = await inspectPdf(await doc.save({ useObjectStreams: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StampError);
    expect(error).toMatchObject({ code: 'PDF_DAMAGED', message: expect.stringContaining('cannot be read') });
  });

  it('reports each page’s boxes, rotation and size as the user sees it', async () => {
    const info = await inspectPdf(await makePdf([{}, { size: [600, 800], cropBox: [50, 100, 550, 700], rotate: 90 }, { mediaBox: [-270, -95, 270, 95], rotate: -90 }]));
    expect(info.pageCount).toBe(3);
    expect(info.encrypted).toBe('none');
    expect(info.signed).toBe(false);
    expect(info.hasForm).toBe(false);
    expect(info.pages[0]).toMatchObject({ index: 0, rotate: 0, widthPt: 595.28, heightPt: 841.89 });
    expect(info.pages[1]).toEqual({
      index: 1,
      mediaBox: { x: 0, y: 0, width: 600, height: 800 },
      cropBox: { x: 50, y: 100, width: 500, height: 600 },
      rotate: 90,
      widthPt: 600,
      heightPt: 500,
    });
    expect(info.pages[2]).toMatchObject({ rotate: 270, widthPt: 190, heightPt: 540, cropBox: { x: -270, y: -95 } });
  });

  it('does not count an empty signature field as a signature', async () => {
    const info = await inspectPdf(await makeFormPdfWithSignatureField());
    expect(info.signed).toBe(false);
    expect(info.hasForm).toBe(true);
    expect(info.formFields).toContainEqual({ name: 'Signature1', type: 'signature', value: '' });
  });

  it('leaves the input bytes untouched', async () => {
    const input = await makePdf([{}]);
    const copy = input.slice();
    await inspectPdf(input);
    expect(Buffer.from(input).equals(Buffer.from(copy))).toBe(true);
  });
});
