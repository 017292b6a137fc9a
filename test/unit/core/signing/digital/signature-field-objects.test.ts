import type { PDFRef } from 'pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSignedIdentity } from '../../../../../electron/core/signing/digital/generate-self-signed-identity';
import { signPdfWithP12 } from '../../../../../electron/core/signing/digital/sign-pdf-with-p12';
import { signatureFieldObjects } from '../../../../../electron/core/signing/digital/signature-field-objects';
import { pdfsig, runTool, tempFile } from '../../../../support/pdf-signature-tools';
import { removeTempDirs } from '../../../../support/temp-dir';

/** Two pages; the last page's /Annots and the AcroForm's /Fields are indirect arrays, the AcroForm is direct in the catalog. */
async function indirectArraysPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  const last = doc.addPage();
  last.node.set(PDFName.of('Annots'), doc.context.register(doc.context.obj([])));
  doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: doc.context.register(doc.context.obj([])), SigFlags: 0 }));
  return doc.save({ useObjectStreams: false });
}

const refKey = (ref: PDFRef): string => ref.toString();
afterAll(removeTempDirs);

describe('signatureFieldObjects', () => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = await indirectArraysPdf();
  });

  it('rewrites indirect arrays in place and the catalog for a direct AcroForm, but not the page', async () => {
    const doc = await PDFDocument.load(input, { updateMetadata: false });
    const last = doc.getPage(1);
    const annotsRef = last.node.get(PDFName.of('Annots')) as PDFRef;
    const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    const fieldsRef = acroForm.get(PDFName.of('Fields')) as PDFRef;
    const sigRef = doc.context.nextRef();
    const { objects, fieldName } = signatureFieldObjects(doc, sigRef);
    const keys = [...objects.keys()].map(refKey);
    expect(fieldName).toBe('Signature1');
    expect(keys).toContain(refKey(annotsRef));
    expect(keys).toContain(refKey(fieldsRef));
    expect(keys).toContain(refKey(doc.context.trailerInfo.Root as PDFRef));
    expect(keys).not.toContain(refKey(last.ref));
    const widgetRef = doc.context.lookup(annotsRef, PDFArray).get(0) as PDFRef;
    const widget = doc.context.lookup(widgetRef, PDFDict);
    expect(widget.get(PDFName.of('P'))).toBe(last.ref);
    expect(widget.get(PDFName.of('V'))).toBe(sigRef);
    expect(widget.lookup(PDFName.of('Rect'), PDFArray).asArray().map(String)).toEqual(['0', '0', '0', '0']);
    expect(acroForm.lookup(PDFName.of('SigFlags'), PDFNumber).asNumber()).toBe(3);
  });

  it('gives the next free name when Signature1 is taken', async () => {
    const doc = await PDFDocument.load(input, { updateMetadata: false });
    signatureFieldObjects(doc, doc.context.nextRef());
    expect(signatureFieldObjects(doc, doc.context.nextRef()).fieldName).toBe('Signature2');
  });

  it('such a PDF signs valid over the total document and stays sound', async () => {
    const id = await generateSelfSignedIdentity({ commonName: '王小明', validFrom: new Date('2026-01-01T00:00:00Z'), validDays: 365, passphrase: 'x' });
    const signed = await signPdfWithP12(input, { p12: id.p12, passphrase: 'x', signingTime: new Date('2026-11-28T00:00:00Z') });
    expect(pdfsig(signed).signatures.map((s) => [s.validation, s.totalDocument])).toEqual([['Signature is Valid.', true]]);
    expect(runTool('qpdf', ['--check', tempFile('i.pdf', signed)]).status).toBe(0);
    expect((await PDFDocument.load(signed)).getForm().getFields().map((f) => f.getName())).toEqual(['Signature1']);
  });
});
